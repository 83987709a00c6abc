/**
 * The write path's web side: one-click intents on a guest become commits in the desired-state
 * repository, made by the controller behind {@link io.pdmgitops.webui.write.IntentPort}.
 */
package io.pdmgitops.webui.write;
