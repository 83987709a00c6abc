/** Files the controller makes for itself under its data directory, and removes again. */
package io.pdmgitops.controller.files;
