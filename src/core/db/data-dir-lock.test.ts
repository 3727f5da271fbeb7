import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './data-dir-lock.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mz-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('PGlite data directory lock', () => {
  it('records its owner and is removed on release (once)', () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir);
    const file = join(dir, 'mianzheng.lock');
    expect((JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(file)).toBe(false);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it('refuses a directory another live process holds, naming the process', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'mianzheng.lock'), JSON.stringify({ pid: process.ppid }));
    expect(() => acquireDataDirLock(dir)).toThrow(expect.objectContaining({ code: 'unavailable', message: expect.stringContaining(`in use by process ${process.ppid}`) }));
  });

  it('refuses a second open within the same process', () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(/already open in this process/);
    expect(() => acquireDataDirLock(`${dir}/.`)).toThrow(/already open in this process/);
    lock.release();
  });

  it('takes over a stale lock: a dead owner, our own pid from an earlier life, or an unreadable file', () => {
    const dir = freshDir();
    const file = join(dir, 'mianzheng.lock');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    for (const content of [JSON.stringify({ pid: dead }), JSON.stringify({ pid: process.pid }), 'not json']) {
      writeFileSync(file, content);
      const lock = acquireDataDirLock(dir);
      expect((JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid).toBe(process.pid);
      lock.release();
    }
  });
});
