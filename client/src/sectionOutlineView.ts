import * as vscode from 'vscode';
import type { ActivePatternTracker } from './activePattern';
import type { PatternServer } from './patternServer';
import type { SectionOutlineItem } from './protocol';
import { REVEAL_RANGE_COMMAND } from './revealRange';

export const SECTION_OUTLINE_VIEW_ID = 'patternSections';

/** One row of the outline: a server item in the document it belongs to. */
export interface OutlineNode {
  readonly uri: vscode.Uri;
  readonly item: SectionOutlineItem;
}

/** What a row shows, as plain data (the test API returns these). */
export interface OutlineRow {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: string;
  readonly warning: string | undefined;
  readonly children: readonly OutlineRow[];
}

/** "139 words · 100–200", "missing", or nothing for a present group. */
export function outlineDescription(item: SectionOutlineItem): string {
  if (!item.present) return 'missing';
  if (item.wordCount === undefined) return '';
  const range = item.minWords !== undefined && item.maxWords !== undefined ? ` · ${item.minWords}–${item.maxWords}` : '';
  return `${item.wordCount} ${item.wordCount === 1 ? 'word' : 'words'}${range}`;
}

export function outlineRow(item: SectionOutlineItem): OutlineRow {
  const recommended = item.minWords !== undefined && item.maxWords !== undefined ? ` (recommended ${item.minWords}–${item.maxWords})` : '';
  const tooltip = item.warning ?? (item.wordCount !== undefined ? `${item.label}: ${item.wordCount} words${recommended}` : item.label);
  const icon = item.warning ? 'warning' : item.kind === 'group' ? 'symbol-namespace' : 'symbol-text';
  return { label: item.label, description: outlineDescription(item), tooltip, icon, warning: item.warning, children: (item.children ?? []).map(outlineRow) };
}

/**
 * "Pattern Sections" in the Explorer: the frontmatter groups and the eight body sections of the
 * followed pattern, from the server's `commonsPatterns/sectionOutline`, with word counts and a
 * warning icon for what is missing or outside the recommended length. Click reveals the item.
 */
export class SectionOutlineProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<OutlineNode> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly server: PatternServer, private readonly tracker: ActivePatternTracker) {
    this.subscription = tracker.onDidChange(() => this.changed.fire(undefined));
  }

  attach(view: vscode.TreeView<OutlineNode>): void {
    this.view = view;
  }

  /** The outline of any document, as the view would show it. */
  async rows(uri: vscode.Uri): Promise<OutlineRow[]> {
    return ((await this.server.sectionOutline(uri)) ?? []).map(outlineRow);
  }

  async getChildren(node?: OutlineNode): Promise<OutlineNode[]> {
    if (node) return (node.item.children ?? []).map((item) => ({ uri: node.uri, item }));
    const uri = this.tracker.uri;
    if (!uri) return this.empty('Open a pattern file to see its groups and sections.');
    try {
      const items = await this.server.sectionOutline(uri);
      if (!items || items.length === 0) return this.empty('This file is not a v7.1 pattern: no groups or sections to show.');
      this.setMessage(undefined);
      return items.map((item) => ({ uri, item }));
    } catch (error) {
      return this.empty(`Could not get the outline: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const row = outlineRow(node.item);
    const collapsible = node.item.children?.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    const treeItem = new vscode.TreeItem(row.label, collapsible);
    treeItem.id = `${node.uri.toString()}#${node.item.kind}-${node.item.number}`;
    treeItem.description = row.description;
    treeItem.tooltip = row.tooltip;
    treeItem.iconPath = row.warning
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(row.icon);
    treeItem.contextValue = node.item.present ? node.item.kind : `${node.item.kind}-missing`;
    treeItem.command = {
      command: REVEAL_RANGE_COMMAND,
      title: 'Reveal',
      arguments: [node.uri, this.server.asRange(node.item.selectionRange)],
    };
    return treeItem;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private empty(message: string): OutlineNode[] {
    this.setMessage(message);
    return [];
  }

  private setMessage(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }
}

export function registerSectionOutlineView(provider: SectionOutlineProvider): vscode.Disposable {
  const view = vscode.window.createTreeView(SECTION_OUTLINE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: false });
  provider.attach(view);
  return view;
}
