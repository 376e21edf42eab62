// The IntelliJ plugin's platform glue: LSP4IJ wiring, tool window, actions, settings page.
// Needs Gradle 8.13+ and a machine that reaches the JetBrains and Maven repositories (see
// ../README.md); the views and client it uses are the Maven module one folder up.
rootProject.name = "dbtls-intellij"
