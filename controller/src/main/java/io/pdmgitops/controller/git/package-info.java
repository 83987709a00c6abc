/**
 * The Git source: fetches the configured branch, loads each new commit with the model's loader, and
 * keeps the last good snapshot in force when a commit does not validate.
 */
package io.pdmgitops.controller.git;
