/** The application and composition root: Git source, reconcile loop, status store, CLI. */
package io.pdmgitops.controller;
