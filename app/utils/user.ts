// The signed-in user on the page (from the root loader), and whether they may make a change:
// pages hide the controls a role may not use (the server refuses them regardless).
import { useRouteLoaderData } from '@remix-run/react'
import { can, type Permission } from '../domain/permissions.ts'
import type { loader as rootLoader } from '../root.tsx'

export function useOptionalUser() {
  return useRouteLoaderData<typeof rootLoader>('root')?.user ?? null
}

export function useCan(permission: Permission): boolean {
  const user = useOptionalUser()
  return user !== null && can(user.role, permission)
}
