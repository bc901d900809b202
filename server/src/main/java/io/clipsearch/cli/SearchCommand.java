package io.clipsearch.cli;

import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.ClipModel;
import io.clipsearch.search.QueryParser;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchHit;
import io.clipsearch.search.SearchMode;
import io.clipsearch.search.SearchRequest;
import io.clipsearch.search.SearchResponse;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clipsearch search "text"}: queries a collection's index from the terminal. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search a collection indexed with 'clipsearch index', without a server.",
      "The query language: beach sunset -people, 2:\"red car\" +snow, like:<image id or",
      "unique id prefix of 8+ characters>, person:Anna, -person:Ben; -word needs no '--'.",
      "Weak (?) hits: closest images when none is confident. person:Anna alone lists her",
      "photos, newest first."
    })
final class SearchCommand implements Callable<Integer> {

  private static final String DAY = "2024-06-01";

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "the query (words are joined)")
  List<String> words;

  @Mixin CollectionOptions collectionOptions;

  @Option(
      names = {"-k", "--limit"},
      paramLabel = "N",
      defaultValue = "20",
      description = "results")
  int limit;

  @Option(names = "--all", description = "also list results below the confidence cutoff")
  boolean all;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "hybrid",
      description = "vector, keyword or hybrid (default: ${DEFAULT-VALUE})")
  SearchMode mode;

  @Option(names = "--json", description = "print hits as JSON lines")
  boolean json;

  @Option(
      names = "--rejected",
      description = "also list photos rejected (rated -1) in XMP, hidden by default")
  boolean rejected;

  @Override
  public Integer call() throws Exception {
    collectionOptions.requireExists(); // before the seconds a model takes to load
    String query = QueryArgs.join(words);
    // parsed here as the search parses it, before the seconds a model takes to load
    boolean listing = new QueryParser().parse(query).isPersonListing();
    try (ClipModel model = modelOptions.load();
        OpenCollection c = collectionOptions.open(model)) {
      SearchResponse response =
          c.search()
              .search(
                  SearchRequest.of(query)
                      .withFilters(SearchFilters.NONE.hidingRejected(!rejected))
                      .withMode(mode)
                      .withPage(0, limit)
                      .withCutoff(null, !all));
      if (json) {
        JsonLines lines = new JsonLines(spec.commandLine().getOut());
        response.hits().forEach(h -> lines.write(jsonHit(h)));
      } else if (listing) {
        printListing(spec.commandLine().getOut(), response);
      } else {
        print(spec.commandLine().getOut(), response);
      }
    }
    return 0;
  }

  /** A hit as one JSON object: the API's field names, the date as an ISO instant. */
  private static Map<String, Object> jsonHit(SearchHit h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.id());
    m.put("path", h.path());
    m.put("score", h.score());
    m.put("confident", h.confident());
    m.put("matchedBy", h.matchedBy() == null ? null : h.matchedBy().apiName());
    m.put("size", h.size());
    m.put("width", h.width());
    m.put("height", h.height());
    m.put("date", h.date().toString());
    return m;
  }

  /** A person listing: no score to show, every photo of the persons named, newest first. */
  private static void printListing(PrintWriter out, SearchResponse r) {
    out.printf(
        Locale.ROOT,
        "%d photos of the persons named, newest first, %d ms%n",
        r.candidates(),
        r.tookMillis());
    if (r.candidates() == 0) {
      out.println("no photo shows them (a name no person has shows none)");
    }
    for (SearchHit h : r.hits()) {
      out.printf(
          Locale.ROOT,
          "%s  %s %s%n",
          h.date().toString().substring(0, DAY.length()),
          h.id().substring(0, Math.min(12, h.id().length())),
          h.path());
    }
    out.flush();
  }

  private static void print(PrintWriter out, SearchResponse r) {
    out.printf(
        Locale.ROOT,
        "%d confident matches (threshold %.3f%s), %d ms%n",
        r.confidentCount(),
        r.threshold(),
        r.calibrated() ? ", calibrated" : "",
        r.tookMillis());
    r.noConfident()
        .ifPresent(
            why ->
                out.println(
                    switch (why) {
                      case EMPTY -> "the collection holds no photo yet";
                      case FILTERED -> "no photo passes the filters";
                      case NOT_CONFIDENT -> "no confident match; the closest are marked ?";
                    }));
    for (SearchHit h : r.hits()) {
      out.printf(
          Locale.ROOT,
          "%6.3f %s %s  %s%s%n",
          h.score(),
          h.confident() ? " " : "?",
          h.id().substring(0, Math.min(12, h.id().length())),
          h.path(),
          h.matchedBy() == null ? "" : "  [" + h.matchedBy().apiName() + "]");
    }
    out.flush();
  }
}
