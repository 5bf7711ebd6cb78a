// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.cli.RoleOptions;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.data.roles.RoleOverrides;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;


/** {@code --bins}: how a reference's continuous columns are binned (drift baseline and compare). */
final class BinOptions {
    @Option(names = "--bins", paramLabel = "B", defaultValue = "20",
            description = "Equal-frequency bins per continuous column. Default: ${DEFAULT-VALUE}.")
    int bins;

    /** The profile options; {@code --bins} outside [1, 1000] is a usage error. */
    ProfileOptions profileOptions(CommandSpec spec, RoleOptions roles) {
        return profileOptions(spec, roles.overrides(spec));
    }

    /** The profile options with these roles; {@code --bins} outside [1, 1000] is a usage error. */
    ProfileOptions profileOptions(CommandSpec spec, RoleOverrides roles) {
        if (bins < 1 || bins > 1000) {
            throw new ParameterException(spec.commandLine(), "--bins: must be in [1, 1000], got " + bins);
        }
        return ProfileOptions.defaults().withBins(bins).withRoles(roles);
    }
}
