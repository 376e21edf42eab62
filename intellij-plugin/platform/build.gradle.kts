// IntelliJ Platform Gradle Plugin 2.x. Not built on the machine this was written on (no
// IntelliJ Platform artifacts, Gradle 4.4): see ../README.md for what was and was not verified.
plugins {
    id("java")
    id("org.jetbrains.intellij.platform") version "2.11.0"
}

group = providers.gradleProperty("pluginGroup").get()
version = providers.gradleProperty("pluginVersion").get()

java {
    toolchain {
        languageVersion = JavaLanguageVersion.of(21)
    }
}

repositories {
    mavenCentral()
    // dbtls-intellij-views and dbtls-protocol-ext, after
    // `mvn -pl protocol-ext,intellij-plugin -am install -DskipTests -Dskip.npm` in the repository root
    mavenLocal {
        content { includeGroup("dev.dbtls") }
    }
    intellijPlatform {
        defaultRepositories()
    }
}

dependencies {
    implementation("dev.dbtls:dbtls-intellij-views:${providers.gradleProperty("dbtlsVersion").get()}") {
        // LSP4IJ brings LSP4J (1.0.0, as dbtls uses) and Gson in its own class loader: a second
        // copy in this plugin would make LSP4J's types clash (ClassCastException)
        exclude(group = "org.eclipse.lsp4j")
        exclude(group = "com.google.code.gson")
        // only there for the Maven module's test build order
        exclude(group = "dev.dbtls", module = "dbtls-server")
    }
    intellijPlatform {
        create(providers.gradleProperty("platformType"), providers.gradleProperty("platformVersion"))
        plugin("com.redhat.devtools.lsp4ij:${providers.gradleProperty("lsp4ijVersion").get()}")
        pluginVerifier()
    }
}

intellijPlatform {
    pluginConfiguration {
        version = providers.gradleProperty("pluginVersion")
        ideaVersion {
            sinceBuild = providers.gradleProperty("pluginSinceBuild")
            untilBuild = provider { null }
        }
    }
    pluginVerification {
        ides {
            recommended()
        }
    }
    buildSearchableOptions = false
}

// The server jar goes into the plugin's folder, server/dbtls.jar (DbtServerProcess finds it
// there). Build it first: `mvn -pl protocol-ext,server -am package -DskipTests -Dskip.npm`.
val serverJar = layout.projectDirectory.file("../../server/target/dbtls.jar")

tasks {
    prepareSandbox {
        from(serverJar) {
            into("${intellijPlatform.projectName.get()}/server")
        }
    }
}
