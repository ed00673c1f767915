import { DidChangeConfigurationNotification, MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { normalizeSettings, type PatternSettings } from '../core/settings/patternSettings';
import { guardNotification, logError } from './guard';
import type { PatternSession } from './session';
import type { WorkspaceIndexing } from './workspaceIndexing';

export const SETTINGS_SECTION = 'commonsPatterns';

/**
 * The `commonsPatterns.*` settings: pulled with workspace/configuration when the client can answer
 * it (VS Code, Neovim, Helix), else taken from didChangeConfiguration's payload or the
 * initializationOptions. New settings apply at once: a new include/exclude re-indexes, anything
 * else re-checks the open documents.
 */
export class SettingsSync {
  constructor(
    private readonly connection: Connection,
    private readonly session: PatternSession,
    private readonly indexing: WorkspaceIndexing,
    private readonly canPull: boolean,
    private pushed: unknown,
  ) {}

  register(dynamicRegistration: boolean): void {
    this.connection.onDidChangeConfiguration(guardNotification(this.connection, 'didChangeConfiguration', async ({ settings }) => {
      const section = (settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (section !== undefined) this.pushed = section;
      this.apply(await this.load(), false);
    }));
    if (dynamicRegistration) {
      this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch((error: unknown) => logError(this.connection, 'registering for configuration changes', error));
    }
  }

  async load(): Promise<PatternSettings> {
    if (this.canPull) {
      try {
        const pulled: unknown = await this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
        // A client without our settings answers null: then the pushed ones (if any) or the defaults.
        if (pulled !== null && pulled !== undefined) return normalizeSettings(pulled);
      } catch (error) {
        logError(this.connection, 'workspace/configuration', error);
      }
    }
    return normalizeSettings(this.pushed);
  }

  /** `initial`: the first settings, before the first indexing run (which follows anyway). */
  apply(settings: PatternSettings, initial: boolean): void {
    const { filterChanged, warning } = this.session.applySettings(settings);
    // A notification, not showWarningMessage (a request): there is nothing to answer.
    if (warning) void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: warning });
    if (initial) return;
    if (filterChanged) void this.indexing.reindex();
    else this.session.recheckOpenDocuments();
  }
}
