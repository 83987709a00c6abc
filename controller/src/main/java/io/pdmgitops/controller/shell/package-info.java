/**
 * Node shells relayed for users: each session bounded (per user, in total, idle, length), its input
 * checked frame by frame, its output paced by the browser, and every one audited with its byte
 * counts.
 */
package io.pdmgitops.controller.shell;
