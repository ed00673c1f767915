import { NotificationType, RequestType } from 'vscode-languageserver/node';
import {
  CustomMethods, type BacklinkItem, type CheckLibraryParams, type CheckLibraryResult, type ContextPreview,
  type IndexReadyParams, type LibraryStatus, type NewPatternParams, type NewPatternResult, type SectionOutlineItem,
  type UriParams,
} from '../core/customProtocol';

/** The custom requests of core/customProtocol.ts as this server's RequestTypes. */
export type { CheckLibraryParams, CheckLibraryResult, IndexReadyParams, LibraryStatus, NewPatternParams, NewPatternResult, UriParams };

export namespace SectionOutlineRequest {
  export const type = new RequestType<UriParams, SectionOutlineItem[] | null, void>(CustomMethods.sectionOutline);
}

export namespace ContextPreviewRequest {
  export const type = new RequestType<UriParams, ContextPreview | null, void>(CustomMethods.contextPreview);
}

export namespace BacklinksRequest {
  export const type = new RequestType<UriParams, BacklinkItem[] | null, void>(CustomMethods.backlinks);
}

export namespace NewPatternRequest {
  export const type = new RequestType<NewPatternParams, NewPatternResult | null, void>(CustomMethods.newPattern);
}

export namespace LibraryStatusRequest {
  export const type = new RequestType<Record<string, never>, LibraryStatus, void>(CustomMethods.libraryStatus);
}

/** The VS Code client's "Check Whole Library" command: libraryStatus with progress. */
export namespace CheckLibraryRequest {
  export const type = new RequestType<CheckLibraryParams, CheckLibraryResult, void>(CustomMethods.checkLibrary);
}

export namespace IndexReadyNotification {
  export const type = new NotificationType<IndexReadyParams>(CustomMethods.indexReady);
}
