import { ROLES, type Role } from "../domain/roles.ts";

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
