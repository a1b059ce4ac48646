package org.evmjit.statetest.runner;

import java.nio.file.Path;

/**
 * A fixture file to run and the name results give it (e.g. {@code stExample/add11.json},
 * relative to the directory named on the command line).
 */
public record FixtureFile(Path path, String displayName) {}
