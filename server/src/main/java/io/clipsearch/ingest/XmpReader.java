package io.clipsearch.ingest;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.properties.XMPProperty;
import io.clipsearch.index.XmpTags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link XmpTags} from XMP packets, and finds a photo's sidecar.
 *
 * <p>Understood: {@code xmp:Rating} (-1 = rejected) and {@code xmp:Label} (Lightroom, Capture One,
 * digiKam), {@code darktable:colorlabels}, {@code digiKam:ColorLabel}, {@code dc:subject}, {@code
 * lr:hierarchicalSubject} (every level of {@code A|B|C}), {@code digiKam:TagsList} (every level of
 * {@code A/B/C}), and the default language of {@code dc:title} and {@code dc:description}.
 *
 * <p>Stateless and thread-safe.
 */
public final class XmpReader {

  private static final String NS_LIGHTROOM = "http://ns.adobe.com/lightroom/1.0/";
  private static final String NS_DARKTABLE = "http://darktable.sf.net/";
  private static final String NS_DIGIKAM = "http://www.digikam.org/ns/1.0/";

  /** darktable's label numbers, in its order. */
  private static final List<String> DARKTABLE_LABELS =
      List.of("red", "yellow", "green", "blue", "purple");

  /** digiKam's label numbers; 0 is none. */
  private static final List<String> DIGIKAM_LABELS =
      List.of("", "red", "orange", "yellow", "green", "blue", "magenta", "gray", "black", "white");

  static {
    try {
      var registry = XMPMetaFactory.getSchemaRegistry();
      registry.registerNamespace(NS_LIGHTROOM, "lr");
      registry.registerNamespace(NS_DARKTABLE, "darktable");
      registry.registerNamespace(NS_DIGIKAM, "digiKam");
    } catch (XMPException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private XmpReader() {}

  /**
   * The sidecar beside {@code photo}: {@code IMG_1.CR2.xmp} (darktable, digiKam) before {@code
   * IMG_1.xmp} (Lightroom, Capture One), either extension case.
   */
  public static Optional<Path> sidecarOf(Path photo) {
    String name = photo.getFileName().toString();
    int dot = name.lastIndexOf('.');
    List<String> candidates = new ArrayList<>(List.of(name + ".xmp", name + ".XMP"));
    if (dot > 0) {
      candidates.add(name.substring(0, dot) + ".xmp");
      candidates.add(name.substring(0, dot) + ".XMP");
    }
    return candidates.stream().map(photo::resolveSibling).filter(Files::isRegularFile).findFirst();
  }

  /**
   * The tags of one XMP packet (a sidecar file's bytes, or the packet embedded in a photo).
   *
   * @throws XMPException if the bytes are not XMP
   */
  public static XmpTags parse(byte[] packet) throws XMPException {
    return tags(XMPMetaFactory.parseFromBuffer(packet));
  }

  /** The tags of already parsed XMP, such as metadata-extractor's {@code XmpDirectory}. */
  public static XmpTags tags(XMPMeta xmp) throws XMPException {
    List<String> keywords = new ArrayList<>(items(xmp, XMPConst.NS_DC, "subject"));
    for (String path : items(xmp, NS_LIGHTROOM, "hierarchicalSubject")) {
      keywords.addAll(List.of(path.split("\\|")));
    }
    for (String path : items(xmp, NS_DIGIKAM, "TagsList")) {
      keywords.addAll(List.of(path.split("/")));
    }
    return new XmpTags(
        rating(xmp),
        label(xmp),
        keywords,
        text(xmp, XMPConst.NS_DC, "title"),
        text(xmp, XMPConst.NS_DC, "description"));
  }

  private static Integer rating(XMPMeta xmp) throws XMPException {
    XMPProperty p = xmp.getProperty(XMPConst.NS_XMP, "Rating");
    if (p == null || p.getValue() == null) {
      return null;
    }
    try {
      long stars = Math.round(Double.parseDouble(p.getValue().strip()));
      return stars >= -1 && stars <= 5 ? (int) stars : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static String label(XMPMeta xmp) throws XMPException {
    XMPProperty named = xmp.getProperty(XMPConst.NS_XMP, "Label");
    if (named != null && named.getValue() != null && !named.getValue().isBlank()) {
      return named.getValue();
    }
    for (String n : items(xmp, NS_DARKTABLE, "colorlabels")) {
      String label = numbered(DARKTABLE_LABELS, n);
      if (label != null) {
        return label; // darktable allows several; the first is the one shown first
      }
    }
    XMPProperty digiKam = xmp.getProperty(NS_DIGIKAM, "ColorLabel");
    return digiKam == null ? null : numbered(DIGIKAM_LABELS, digiKam.getValue());
  }

  private static String numbered(List<String> names, String number) {
    try {
      int i = Integer.parseInt(number.strip());
      return i >= 0 && i < names.size() && !names.get(i).isEmpty() ? names.get(i) : null;
    } catch (NumberFormatException | NullPointerException notANumber) {
      return null;
    }
  }

  private static String text(XMPMeta xmp, String ns, String name) throws XMPException {
    if (!xmp.doesPropertyExist(ns, name)) {
      return null;
    }
    XMPProperty p = xmp.getLocalizedText(ns, name, null, XMPConst.X_DEFAULT);
    if (p != null) {
      return p.getValue();
    }
    XMPProperty simple = xmp.getProperty(ns, name);
    return simple == null ? null : simple.getValue();
  }

  private static List<String> items(XMPMeta xmp, String ns, String name) throws XMPException {
    if (!xmp.doesPropertyExist(ns, name)) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    int count;
    try {
      count = xmp.countArrayItems(ns, name);
    } catch (XMPException notAnArray) { // a plain value where a list belongs: take it as one item
      XMPProperty simple = xmp.getProperty(ns, name);
      return simple == null || simple.getValue() == null ? List.of() : List.of(simple.getValue());
    }
    for (int i = 1; i <= count; i++) {
      XMPProperty item = xmp.getArrayItem(ns, name, i);
      if (item != null && item.getValue() != null) {
        values.add(item.getValue());
      }
    }
    return values;
  }
}
