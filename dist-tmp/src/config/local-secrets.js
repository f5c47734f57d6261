"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadLocalSecrets = loadLocalSecrets;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const durable_file_1 = require("../common/files/durable-file");
function loadLocalSecrets(dataDir) {
    (0, node_fs_1.mkdirSync)(dataDir, { recursive: true });
    const file = (0, node_path_1.join)(dataDir, 'secrets.json');
    const existing = (0, node_fs_1.existsSync)(file) ? readSecrets(file) : {};
    const secrets = {
        databaseSuperuserPassword: existing.databaseSuperuserPassword ?? newSecret(),
        databaseOwnerPassword: existing.databaseOwnerPassword ?? newSecret(),
        databaseAppPassword: existing.databaseAppPassword ?? newSecret(),
        jwtSecret: existing.jwtSecret ?? newSecret(48),
    };
    if (JSON.stringify(existing) !== JSON.stringify(secrets)) {
        (0, durable_file_1.writeFileDurably)(file, JSON.stringify(secrets, null, 2), true);
    }
    return secrets;
}
function newSecret(bytes = 24) {
    return (0, node_crypto_1.randomBytes)(bytes).toString('base64url');
}
/** The file's secrets; an error that names the file only: JSON.parse's own message quotes the text around the fault. */
function readSecrets(file) {
    let parsed;
    try {
        parsed = JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8'));
    }
    catch {
        throw new Error(`${file} is not valid JSON: restore it from a backup (it holds the database passwords and the token key)`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error(`${file} must hold a JSON object`);
    return parsed;
}
//# sourceMappingURL=local-secrets.js.map