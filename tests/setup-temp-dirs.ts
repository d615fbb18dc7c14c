/** Vitest setup file (vite.config.ts): the temporary folders a test file made go after it (temp-dirs.ts). */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dirs.ts';

afterAll(removeTempDirs);
