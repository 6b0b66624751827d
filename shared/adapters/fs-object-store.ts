import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ObjectStore } from '../ports.js';

/** An object store in a local folder: keys are relative paths below the root. */
export class FsObjectStore implements ObjectStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Resolves a key, refusing keys that would escape the root (`..`, absolute paths). */
  private path(key: string): string {
    const segments = key.split('/');
    // Keys are flat names with slashes, as in S3: no empty, `.` or `..` segment may move the path.
    if (key.includes('\0') || key.includes('\\') || segments.some((part) => part === '' || part === '.' || part === '..'))
      throw new Error(`invalid object key: ${JSON.stringify(key)}`);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`invalid object key: ${JSON.stringify(key)}`);
    return path;
  }

  async get(key: string) {
    return new Uint8Array(await readFile(this.path(key)));
  }

  async put(key: string, bytes: Uint8Array, options: { ifAbsent?: boolean } = {}) {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${randomUUID()}.tmp`;
    await writeFile(tmp, bytes);
    if (options.ifAbsent) {
      // Written whole first, then linked into place: a reader never sees half a file, and an
      // existing object is never replaced.
      try {
        await link(tmp, path);
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw err;
      } finally {
        await unlink(tmp);
      }
    }
    await rename(tmp, path);
    return true;
  }

  async exists(key: string) {
    try {
      return (await stat(this.path(key))).isFile();
    } catch {
      return false;
    }
  }

  async list(prefix: string) {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const full = join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else if (!e.name.endsWith('.tmp')) {
          const key = relative(this.root, full).split(sep).join('/');
          if (key.startsWith(prefix)) out.push(key);
        }
      }
    };
    await walk(this.root);
    return out.sort();
  }
}
