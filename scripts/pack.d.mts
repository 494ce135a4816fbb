/** The published workspaces, in dependency order. */
export declare const PUBLISHED: readonly string[]
/** Packs them into `dest` (each `prepack` builds); the tarball path of each, by package name. */
export declare const packAll: (dest: string, root?: string) => Record<string, string>
