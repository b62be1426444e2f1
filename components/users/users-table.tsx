"use client";
import { timeAgo } from "@/components/ui/format-date";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { updateUserAction } from "@/lib/actions/users";
import type { UpdateUserInput } from "@/lib/users/schemas";

type Role = "ADMIN" | "MARKETER" | "TESTER";

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  logAccess: boolean;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

const roles: { value: Role; label: string }[] = [
  { value: "ADMIN", label: "Admin" },
  { value: "MARKETER", label: "Marketer" },
  { value: "TESTER", label: "Tester" },
];

export function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function update(change: UpdateUserInput, success: string) {
    startTransition(async () => {
      const result = await updateUserAction(change);
      if (result.ok) {
        toast.success(success);
        router.refresh();
      } else {
        toast.error(result.error.message);
      }
    });
  }

  return (
    <Card>
      <Table aria-label="Users">
        <thead>
          <tr>
            <Th>User</Th>
            <Th>Role</Th>
            <Th>Log access</Th>
            <Th>Status</Th>
            <Th>Last sign-in</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const self = user.id === currentUserId;
            return (
              <tr
                key={user.id}
                data-testid={`user-row-${user.email}`}
                className={user.active ? "" : "bg-slate-50 text-slate-500"}
              >
                <Td>
                  <div className="font-medium text-slate-900">{user.name}</div>
                  <div className="text-xs text-slate-500">{user.email}</div>
                </Td>
                <Td>
                  <NativeSelect
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    disabled={pending || self}
                    onChange={(e) =>
                      update(
                        { userId: user.id, role: e.target.value as Role },
                        `${user.email} is now ${e.target.value.toLowerCase()}.`,
                      )
                    }
                    className="w-36"
                  >
                    {roles.map((r) => (
                      <option key={r.value} value={r.value}>
                        {r.label}
                      </option>
                    ))}
                  </NativeSelect>
                </Td>
                <Td>
                  <label className="inline-flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="accent-brand-600 h-4 w-4"
                      checked={user.logAccess}
                      disabled={pending}
                      aria-label={`Log access for ${user.email}`}
                      onChange={(e) =>
                        update(
                          { userId: user.id, logAccess: e.target.checked },
                          e.target.checked
                            ? `${user.email} now sees unmasked data.`
                            : `${user.email} now sees masked data.`,
                        )
                      }
                    />
                    {user.logAccess ? "Unmasked" : "Masked"}
                  </label>
                </Td>
                <Td>{user.active ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>}</Td>
                <Td className="text-sm text-slate-600">
                  {user.lastLoginAt ? timeAgo(new Date(user.lastLoginAt)) : "Never"}
                </Td>
                <Td className="text-right">
                  {self ? (
                    <span className="text-xs text-slate-500">You</span>
                  ) : (
                    <Button
                      variant={user.active ? "secondary" : "ghost"}
                      size="sm"
                      disabled={pending}
                      onClick={() =>
                        update(
                          { userId: user.id, active: !user.active },
                          user.active
                            ? `${user.email} was deactivated and signed out.`
                            : `${user.email} was reactivated.`,
                        )
                      }
                    >
                      {user.active ? "Deactivate" : "Reactivate"}
                    </Button>
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
