/** The Proxmox side: PVE and PBS API clients and one reconciler per kind (issue #3, #4). */
package io.pdmgitops.reconcilers;
