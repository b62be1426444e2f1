import bcrypt from "bcryptjs";

// Cost 11 is ~100 ms here: slow enough to make guessing expensive, quick enough for a sign-in.
const BCRYPT_COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

export { MIN_PASSWORD_LENGTH } from "./password-policy";
