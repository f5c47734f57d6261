import { Command } from 'commander';
import { DatabaseRuntime } from '../database/database-runtime';

export function registerAppCommands(_program: Command, _withDatabase: <T>(work: (db: DatabaseRuntime) => Promise<T>) => Promise<T>): void {}
