"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IndexReadyNotification = exports.CheckLibraryRequest = exports.LibraryStatusRequest = exports.NewPatternRequest = exports.BacklinksRequest = exports.ContextPreviewRequest = exports.SectionOutlineRequest = void 0;
/**
 * The custom requests between this extension and the Commons Patterns language server, and the
 * JSON shapes they carry. The shapes mirror server/src/core/languageService.ts (the server's
 * facade returns exactly these objects); they are restated here because the client is a separate
 * build that must not pull the server's core into its bundle. test/unit/client checks that the
 * core's types stay assignable to these.
 */
const vscode_languageclient_1 = require("vscode-languageclient");
/** Null when the server does not know the document or it is not a pattern file. */
exports.SectionOutlineRequest = new vscode_languageclient_1.RequestType('commonsPatterns/sectionOutline');
exports.ContextPreviewRequest = new vscode_languageclient_1.RequestType('commonsPatterns/contextPreview');
exports.BacklinksRequest = new vscode_languageclient_1.RequestType('commonsPatterns/backlinks');
exports.NewPatternRequest = new vscode_languageclient_1.RequestType('commonsPatterns/newPattern');
exports.LibraryStatusRequest = new vscode_languageclient_1.RequestType('commonsPatterns/libraryStatus');
exports.CheckLibraryRequest = new vscode_languageclient_1.RequestType('commonsPatterns/checkLibrary');
exports.IndexReadyNotification = new vscode_languageclient_1.NotificationType('commonsPatterns/indexReady');
//# sourceMappingURL=protocol.js.map