/**
 * The custom requests between this extension and the Commons Patterns language server, as
 * vscode-languageclient RequestTypes. Names and shapes come from the core's one definition
 * (type-only imports and a table of strings: the client bundle does not pull in the core).
 */
import { NotificationType, RequestType } from 'vscode-languageclient';
import {
  CustomMethods, type BacklinkItem, type CheckLibraryParams, type CheckLibraryResult, type ContextPreview,
  type IndexReadyParams, type LibraryStatus, type NewPatternParams, type NewPatternResult, type SectionOutlineItem,
  type UriParams,
} from '../../server/src/core/customProtocol';

export type {
  BacklinkItem, CheckLibraryParams, CheckLibraryResult, ContextPreview, ContextPreviewAudience, IndexReadyParams,
  LibraryStatus, NewPatternParams, NewPatternResult, SectionOutlineItem, UriParams,
} from '../../server/src/core/customProtocol';

export const SectionOutlineRequest = new RequestType<UriParams, SectionOutlineItem[] | null, void>(CustomMethods.sectionOutline);
export const ContextPreviewRequest = new RequestType<UriParams, ContextPreview | null, void>(CustomMethods.contextPreview);
export const BacklinksRequest = new RequestType<UriParams, BacklinkItem[] | null, void>(CustomMethods.backlinks);
export const NewPatternRequest = new RequestType<NewPatternParams, NewPatternResult | null, void>(CustomMethods.newPattern);
export const LibraryStatusRequest = new RequestType<Record<string, never>, LibraryStatus, void>(CustomMethods.libraryStatus);
export const CheckLibraryRequest = new RequestType<CheckLibraryParams, CheckLibraryResult, void>(CustomMethods.checkLibrary);
export const IndexReadyNotification = new NotificationType<IndexReadyParams>(CustomMethods.indexReady);
