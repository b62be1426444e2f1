import { describe, expect, it } from "vitest";
import { dateTime, timeAgo } from "./format-date";

const now = new Date("2026-12-07T12:00:00Z");
const shifted = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("timeAgo", () => {
  it.each([
    [0, "now"],
    [-59, "now"],
    [-60, "1 minute ago"],
    [-5 * 60, "5 minutes ago"],
    [-89 * 60, "1 hour ago"],
    [-3 * 3600, "3 hours ago"],
    [-26 * 3600, "yesterday"],
    [-3 * 86_400, "3 days ago"],
    [-9 * 86_400, "last week"],
    [-45 * 86_400, "last month"],
    [-400 * 86_400, "last year"],
    [-800 * 86_400, "2 years ago"],
    [2 * 86_400, "in 2 days"],
    [10 * 60, "in 10 minutes"],
  ])("reads a span of %i s as %s", (seconds, expected) => {
    expect(timeAgo(shifted(seconds), now)).toBe(expected);
  });

  it("measures from the present by default", () => {
    expect(timeAgo(new Date(Date.now() - 2 * 3600 * 1000))).toBe("2 hours ago");
  });
});

describe("dateTime", () => {
  // Built from local fields, so the expectations hold in any time zone the tests run in.
  const date = new Date(2026, 11, 7, 14, 5, 9);

  it("writes day, short month, year and the 24-hour time", () => {
    expect(dateTime(date)).toBe("7 Dec 2026, 14:05");
  });

  it("adds seconds when asked", () => {
    expect(dateTime(date, { seconds: true })).toBe("7 Dec 2026, 14:05:09");
  });
});
