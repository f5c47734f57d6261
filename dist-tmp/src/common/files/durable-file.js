"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeFileDurably = writeFileDurably;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/**
 * Writes `text` to `path` so that a crash leaves either the old file or the new one, and the new one once
 * this returns: a temporary file (0600) flushed to disk, moved into place, then the directory flushed too
 * (a rename is durable only once its directory is). `replace`: rename over an existing file; otherwise
 * link, which fails with EEXIST when the file is already there (another process wrote it first).
 */
function writeFileDurably(path, text, replace) {
    const directory = (0, node_path_1.dirname)(path);
    (0, node_fs_1.mkdirSync)(directory, { recursive: true, mode: 0o700 });
    const temp = `${path}.${process.pid}.${(0, node_crypto_1.randomBytes)(4).toString('hex')}.tmp`;
    const fd = (0, node_fs_1.openSync)(temp, 'wx', 0o600);
    try {
        (0, node_fs_1.writeSync)(fd, text);
        (0, node_fs_1.fsyncSync)(fd);
    }
    finally {
        (0, node_fs_1.closeSync)(fd);
    }
    try {
        if (replace)
            (0, node_fs_1.renameSync)(temp, path);
        else
            (0, node_fs_1.linkSync)(temp, path);
    }
    finally {
        if ((0, node_fs_1.existsSync)(temp))
            (0, node_fs_1.unlinkSync)(temp);
    }
    const dir = (0, node_fs_1.openSync)(directory, 'r');
    try {
        (0, node_fs_1.fsyncSync)(dir);
    }
    finally {
        (0, node_fs_1.closeSync)(dir);
    }
}
//# sourceMappingURL=durable-file.js.map