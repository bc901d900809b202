package io.clipsearch.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Solr configset of the image collection for one embedding dimension: {@code solrconfig.xml}
 * and {@code managed-schema.xml}, shipped as resources under {@code io/clipsearch/solr/configset/},
 * with the schema's {@value #DIMENSION_PLACEHOLDER} replaced by the dimension.
 *
 * <p>A vector field has one fixed dimension, so each dimension gets a configset of its own, named
 * {@code clipsearch-<dimension>} ({@link #name()}); collections of models with equal dimensions
 * share it. Upload it with SolrJ:
 *
 * <pre>{@code
 * SolrConfigset configset = new SolrConfigset(512);
 * new ConfigSetAdminRequest.Upload()
 *     .setConfigSetName(configset.name())
 *     .setUploadStream(new ContentStreamBase.ByteArrayStream(
 *         configset.zip(), "configset.zip", "application/zip"))
 *     .process(solrClient);
 * }</pre>
 *
 * Immutable and thread-safe; every call reads the resources afresh.
 *
 * @param dimension the vectors' dimension
 */
public record SolrConfigset(int dimension) {

  /** The placeholder in {@code managed-schema.xml} that {@link #files()} replaces. */
  public static final String DIMENSION_PLACEHOLDER = "${clipsearch.dimension}";

  /** The configset's files, in upload order. */
  public static final List<String> FILE_NAMES = List.of("solrconfig.xml", "managed-schema.xml");

  private static final String SCHEMA = "managed-schema.xml";

  /**
   * @throws IllegalArgumentException if {@code dimension} is not positive
   */
  public SolrConfigset {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be positive, was " + dimension);
    }
  }

  /** The configset's name in ZooKeeper: {@code clipsearch-<dimension>}. */
  public String name() {
    return "clipsearch-" + dimension;
  }

  /**
   * The files by name, in {@link #FILE_NAMES} order, the dimension substituted.
   *
   * @throws IllegalStateException if a resource is missing or the schema lacks the placeholder (a
   *     broken build, not a caller's mistake)
   */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : FILE_NAMES) {
      String text = new String(resource(name), StandardCharsets.UTF_8);
      if (name.equals(SCHEMA)) {
        if (!text.contains(DIMENSION_PLACEHOLDER)) {
          throw new IllegalStateException(name + " has no " + DIMENSION_PLACEHOLDER);
        }
        text = text.replace(DIMENSION_PLACEHOLDER, Integer.toString(dimension));
      }
      files.put(name, text.getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  /**
   * The files as a zip with the files at its root, the form Solr's configset upload API takes.
   *
   * @throws IllegalStateException as {@link #files()}
   */
  public byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files().entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return bytes.toByteArray();
  }

  private static byte[] resource(String name) {
    try (InputStream in = SolrConfigset.class.getResourceAsStream("configset/" + name)) {
      if (in == null) {
        throw new IllegalStateException("configset resource missing: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configset resource " + name, e);
    }
  }
}
