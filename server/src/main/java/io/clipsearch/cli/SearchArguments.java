package io.clipsearch.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets {@code clipsearch search beach -people} work without {@code --}: the query language's {@code
 * -word} would otherwise read as an unknown option. The search command's own options (and their
 * values) are kept wherever they stand; every other argument is query text, passed after {@code --}
 * in its order. Other commands' arguments pass unchanged.
 */
final class SearchArguments {

  private SearchArguments() {}

  static String[] normalize(CommandLine cli, String[] args) {
    if (args.length == 0 || !"search".equals(args[0])) {
      return args;
    }
    CommandSpec spec = cli.getSubcommands().get("search").getCommandSpec();
    List<String> options = new ArrayList<>(List.of("search"));
    List<String> words = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        words.addAll(Arrays.asList(args).subList(i + 1, args.length));
        break;
      }
      int eq = a.indexOf('=');
      OptionSpec option =
          a.startsWith("-") ? spec.findOption(eq > 0 ? a.substring(0, eq) : a) : null;
      if (option == null) {
        words.add(a);
        continue;
      }
      options.add(a);
      if (eq < 0 && option.arity().min() > 0 && i + 1 < args.length) {
        options.add(args[++i]);
      }
    }
    options.add("--");
    options.addAll(words);
    return options.toArray(String[]::new);
  }
}
