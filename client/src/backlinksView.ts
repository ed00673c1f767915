import * as vscode from 'vscode';
import type { ActivePatternTracker } from './activePattern';
import type { PatternServer } from './patternServer';
import type { BacklinkItem } from './protocol';
import { REVEAL_RANGE_COMMAND } from './revealRange';

export const BACKLINKS_VIEW_ID = 'patternBacklinks';

/** A relationship kind ("enables", or "inferred: enables") and the links of that kind. */
export interface BacklinkGroup {
  readonly type: 'group';
  readonly label: string;
  readonly links: readonly BacklinkItem[];
}

export interface BacklinkLeaf {
  readonly type: 'link';
  readonly link: BacklinkItem;
}

export type BacklinkNode = BacklinkGroup | BacklinkLeaf;

/** Groups the server's backlinks (already sorted by kind) by relationship kind, keeping their order. */
export function groupBacklinks(links: readonly BacklinkItem[]): BacklinkGroup[] {
  const groups = new Map<string, BacklinkItem[]>();
  for (const link of links) {
    const label = link.source === 'inferred' ? `inferred: ${link.kind || 'link'}` : link.kind;
    const list = groups.get(label);
    if (list) list.push(link);
    else groups.set(label, [link]);
  }
  return [...groups].map(([label, items]) => ({ type: 'group', label, links: items }));
}

/**
 * "Linked From" in the Explorer: the patterns that link to the followed one (the server's
 * `commonsPatterns/backlinks`), grouped by relationship kind; clicking one opens it at the link.
 */
export class BacklinksProvider implements vscode.TreeDataProvider<BacklinkNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<BacklinkNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<BacklinkNode> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly server: PatternServer, private readonly tracker: ActivePatternTracker) {
    this.subscription = tracker.onDidChange(() => this.refresh());
  }

  attach(view: vscode.TreeView<BacklinkNode>): void {
    this.view = view;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: BacklinkNode): Promise<BacklinkNode[]> {
    if (node) return node.type === 'group' ? node.links.map((link) => ({ type: 'link', link })) : [];
    const uri = this.tracker.uri;
    if (!uri) return this.empty('Open a pattern file to see which patterns link to it.');
    try {
      const links = (await this.server.backlinks(uri)) ?? [];
      if (links.length === 0) return this.empty('No pattern links to this one.');
      this.setMessage(undefined);
      return groupBacklinks(links);
    } catch (error) {
      return this.empty(`Could not get the backlinks: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  getTreeItem(node: BacklinkNode): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.links.length);
      item.iconPath = new vscode.ThemeIcon(node.links[0]?.source === 'inferred' ? 'sparkle' : 'references');
      item.contextValue = 'backlinkGroup';
      return item;
    }
    const { link } = node;
    const uri = this.server.parseUri(link.uri);
    const item = new vscode.TreeItem(link.title ?? link.slug, vscode.TreeItemCollapsibleState.None);
    item.description = link.title !== undefined ? link.slug : undefined;
    item.tooltip = `${link.title ?? link.slug} (${link.slug}) ${link.source === 'inferred' ? 'has an inferred link' : 'links here'} as ${link.kind} — line ${link.range.start.line + 1}`;
    item.resourceUri = uri;
    item.iconPath = vscode.ThemeIcon.File;
    item.contextValue = 'backlink';
    item.command = { command: REVEAL_RANGE_COMMAND, title: 'Open', arguments: [uri, this.server.asRange(link.range)] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private empty(message: string): BacklinkNode[] {
    this.setMessage(message);
    return [];
  }

  private setMessage(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }
}

export function registerBacklinksView(provider: BacklinksProvider): vscode.TreeView<BacklinkNode> {
  const view = vscode.window.createTreeView(BACKLINKS_VIEW_ID, { treeDataProvider: provider });
  provider.attach(view);
  return view;
}
