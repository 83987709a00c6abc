/**
 * Operating a running controller from CI and scripts: reconcile now ({@code sync}), suspend and
 * resume every action. Each is audited with who asked and from where.
 */
package io.pdmgitops.webui.control;
