package id.spm.api.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings ({@code spm.*}); see the module README for the table. */
@ConfigMapping(prefix = "spm")
public interface SpmConfig {

    /** Folder of the embedded default: PostgreSQL data, JWT keys, the person-key secret. */
    @WithDefault("./data")
    String dataDir();

    Embedded embedded();

    Jwt jwt();

    Demo demo();

    Compute compute();

    Cache cache();

    interface Embedded {
        /** Start an embedded PostgreSQL when no JDBC URL is configured. */
        @WithDefault("true")
        boolean database();

        /** Generate a JWT key pair in the data folder when no public key is configured. */
        @WithDefault("true")
        boolean keys();

        /** Wipe the embedded database at start and stop (tests). */
        @WithDefault("false")
        boolean ephemeral();

        /** Set by the embedded default when it started the database; not for users. */
        @WithDefault("false")
        boolean active();

        /** Set by the embedded default when it generated the keys; not for users. */
        @WithDefault("false")
        boolean keysActive();
    }

    interface Jwt {
        /** Issuer of accepted tokens ({@code iss}) and of minted ones. */
        @WithDefault("https://spm-kesehatan.local/embedded")
        String issuer();

        /**
         * Audience ({@code aud}) every accepted token must name; minted tokens carry it. Also sets
         * {@code mp.jwt.verify.audiences}.
         */
        @WithDefault("spm-api")
        String audience();

        /**
         * {@code POST /api/v1/dev/tokens}. Unset: on only in the embedded default (generated key pair and
         * embedded database); off as soon as a verification key or an external database is configured.
         */
        Optional<Boolean> devTokens();

        /** Log a local admin token at start. Unset: as {@link #devTokens()}. */
        Optional<Boolean> logAdminToken();

        /** Lifetime of minted tokens. */
        @WithDefault("PT12H")
        Duration tokenLifetime();
    }

    interface Demo {
        /** Load the demo district at start when the database holds no events. */
        @WithDefault("false")
        boolean load();

        /** Seed of the generated population. */
        @WithDefault("20240601")
        long seed();

        /** Persons in the demo district. */
        @WithDefault("20000")
        int persons();

        /** Report year of the demo data. */
        @WithDefault("2025")
        int year();

        /**
         * Years before {@link #year()} loaded too: one population followed over the years (issue 11: year
         * over year); {@link #persons()} is the population of the year before the first loaded one.
         */
        @WithDefault("1")
        int earlierYears();

        /** Seed of the programmes' yearly drift (PopulationHistory.Drift). */
        @WithDefault("20240601")
        long driftSeed();

        /**
         * Standard deviation of a service's yearly log quality change: 0 keeps every programme as it was;
         * 0.15 makes some services improve and some decline by a few points.
         */
        @WithDefault("0.15")
        double driftSigma();
    }

    interface Compute {
        /** Years of events before the report year that a district computation reads (balita from birth). */
        @WithDefault("5")
        int lookbackYears();

        /**
         * Threads that decode and evaluate a computation's persons while one reads them (issue 13); 0: one per
         * available processor.
         */
        @WithDefault("0")
        int threads();
    }

    interface Cache {
        /**
         * Issue 13: how long this instance uses a district's data versions pushed to it (DataVersionFeed) before
         * reading them again; the bound on staleness should a notification ever be lost (on a lost connection
         * they are cleared anyway). 0: never remembered, every read queries the database.
         */
        @WithDefault("PT5S")
        Duration versionMaxAge();
    }
}
