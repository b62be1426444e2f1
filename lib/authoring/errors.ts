import { ExpectedError } from "@/lib/errors";

/** The editor was opened on an older revision than the stored one: someone else saved in between. */
export class StaleRevisionError extends ExpectedError {
  readonly status = 409;
  readonly code = "stale_revision";
  constructor(readonly latest: { revision: number; authorEmail: string | null; savedAt: Date }) {
    const who = latest.authorEmail ?? "someone else";
    super(
      `${who} saved this flow (revision ${latest.revision}) after you opened it, so your save was refused to keep their change. ` +
        "Your text is still here: compare it with their version, then keep theirs or save yours over it.",
    );
  }
}
