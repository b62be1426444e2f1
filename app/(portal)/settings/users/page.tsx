import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { UsersTable } from "@/components/users/users-table";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { requirePageUser } from "@/lib/auth";
import { listUsers } from "@/lib/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const currentUser = await requirePageUser("users.manage", "/settings/users");
  const users = await listUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, what they may do, and whether they see customers' phone numbers and answers (log access)."
        actions={<CreateUserDialog />}
      />
      <UsersTable
        currentUserId={currentUser.id}
        users={users.map((u) => ({
          ...u,
          lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
          createdAt: u.createdAt.toISOString(),
        }))}
      />
    </>
  );
}
