/**
 * {@code POST /api/v1/plan}: what a branch, a commit or a directory of desired state would change
 * against the live fleet, for merge requests and the {@code pdm-gitops plan} command.
 */
package io.pdmgitops.webui.plan;
