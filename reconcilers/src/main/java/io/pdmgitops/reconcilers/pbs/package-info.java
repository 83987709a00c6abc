/** The Proxmox Backup Server API client: datastores, usage, backups, node status and tasks. */
package io.pdmgitops.reconcilers.pbs;
