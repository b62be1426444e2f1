export { getAuthOptions, SESSION_MAX_AGE_SECONDS, SIGN_IN_ERRORS } from "./options";
export { getCurrentUser, requireUser, requirePageUser, type CurrentUser } from "./current-user";
export {
  can,
  canSeeUnmaskedData,
  permissions,
  roleLabels,
  type Permission,
  type Principal,
} from "./permissions";
export { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from "./password";
