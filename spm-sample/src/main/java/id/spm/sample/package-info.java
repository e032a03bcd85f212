/**
 * A seeded, realistic population generator: one district's Puskesmas, persons and events for the
 * twelve services, and its population, sasaran, mutu and monthly-count rows. The same seed always
 * gives the same output; it serves the demo district of the API, the sample files of the importer,
 * the tests and the benchmark. Start at {@link id.spm.sample.PopulationGenerator}.
 */
package id.spm.sample;
