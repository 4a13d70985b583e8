/** Why a page was not fetched or read; each has a message an editor can act on. */
export type RefusalReason =
  | "address"
  | "scheme"
  | "private-address"
  | "redirects"
  | "too-large"
  | "too-slow"
  | "unreachable"
  | "http-status"
  | "not-html"
  | "encoding"
  | "empty";

/** A page the fetcher will not or cannot read; `message` is for the editor. */
export class FetchRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = "FetchRefusal";
  }
}

export const PASTE_INSTEAD = "Paste the text instead.";
