/** Where a setting's values were set: the user's own settings, and the workspace's. */
export interface SettingValues {
  user?: string;
  workspace?: string;
}

/** Remembers the user's answers (VS Code's globalState: kept on this machine, not in the workspace). */
export interface ConsentStore {
  get(key: string): boolean | undefined;
  update(key: string, value: boolean): Thenable<void> | Promise<void>;
}

/**
 * The value of a setting that starts a program (dbtls.java.home, dbtls.server.vmargs): a
 * workspace can hold any folder, so a value set by the workspace is used only once the user has
 * allowed it. The answer is remembered per value; a dismissed question is asked again next time.
 */
export async function consentedValue(
  setting: string,
  values: SettingValues,
  store: ConsentStore,
  ask: (setting: string, value: string) => Promise<boolean | undefined>,
): Promise<string | undefined> {
  const wanted = values.workspace;
  if (wanted === undefined || wanted === values.user) return values.user;
  const key = `dbtls.consent:${setting}=${wanted}`;
  let allowed = store.get(key);
  if (allowed === undefined) {
    allowed = await ask(setting, wanted);
    if (allowed !== undefined) await store.update(key, allowed);
  }
  return allowed ? wanted : values.user;
}
