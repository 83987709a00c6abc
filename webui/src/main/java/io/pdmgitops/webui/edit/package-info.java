/**
 * The desired-state repository in the browser: its tree at the commit in force, and a YAML editor
 * that validates as you type with the controller's own loader, shows the diff, and commits as the
 * caller (checked, rebased or refused like every change from the UI).
 */
package io.pdmgitops.webui.edit;
