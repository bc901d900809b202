/**
 * The {@code clipsearch} command line (picocli): one {@code *Command} class per subcommand, each
 * parsing its options, making one call into the core packages and printing the outcome.
 *
 * <p>Main types, in reading order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.cli.Main} starts picocli on {@code ClipsearchCommand}, which only
 *       lists the subcommands; {@code ErrorReporter} turns failures people can fix (a missing
 *       folder, an unloadable model) into one line on stderr and exit code 2.
 *   <li>Options several commands share are mixins: {@code ModelOptions} ({@code --model}, {@code
 *       --engine}, {@code --threads}, ...), {@code CollectionOptions} ({@code --data}, {@code
 *       --collection}), {@code SolrOptions}, {@code LogitScaleOption}.
 *   <li>The everyday commands: {@code IndexCommand}, {@code SearchCommand}, {@code ServeCommand}
 *       (the HTTP server of {@code io.clipsearch.api}), {@code TokenCommand}, {@code
 *       DoctorCommand}; the collection's organisation: {@code ClustersCommand}, {@code MapCommand},
 *       {@code DuplicatesCommand}, {@code TagsCommand}.
 *   <li>For researchers and operators: {@code LabCommand} and its {@code Lab*Command}s over {@code
 *       io.clipsearch.lab}, the {@code Bench*Command}s over {@code io.clipsearch.bench}, {@code
 *       TrainMiniCommand} over {@code io.clipsearch.training}, {@code MigrateCommand} and {@code
 *       SolrCreateCommand} for SolrCloud.
 * </ol>
 *
 * <p>A command that uses a model takes the mixin and loads the model in a visible scope:
 *
 * <pre>{@code
 * @Mixin ModelOptions modelOptions;
 *
 * public Integer call() throws IOException {
 *   try (ClipModel model = modelOptions.load()) {
 *     ...
 *   }
 * }
 * }</pre>
 */
package io.clipsearch.cli;
