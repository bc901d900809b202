package io.clipsearch.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clipsearch.collection.DataFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The persons of a collection, kept in {@code people.json} beside its faces: which faces belong to
 * whom, the names given, hidden persons, and the faces split off a person (which never join it
 * again). Persons refer to faces by {@link FaceId} (content id and number), so names survive
 * re-indexing, moves and a CLIP model switch.
 *
 * <p><b>Clustering rule</b> ({@link #update}, after each index job), measured in docs/FACES.md: in
 * content-id order, a face not in a person joins the person holding its nearest face when that face
 * is within {@value #JOIN_DISTANCE} (Euclidean, raw descriptors); else, if faces waiting unassigned
 * lie within that distance of it, they form a new unnamed person together; else it waits,
 * unassigned ("unnamed faces"). A person is never split or merged by the rule: only people do that.
 * Nearest-face search is exhaustive (faces × assigned faces), fine for tens of thousands of faces.
 *
 * <p>Thread-safe (every method holds the instance's lock); each change is written to a temporary
 * file and renamed before the method returns.
 */
public final class People {

  /**
   * A face joins a person, or forms one with a waiting face, within this distance: dlib's usual 0.6
   * mixed people on the measured set, 0.5 kept every person pure (docs/FACES.md).
   */
  public static final double JOIN_DISTANCE = 0.5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final FaceStore store;
  private final Map<Integer, Person> persons = new LinkedHashMap<>();
  private final Map<FaceId, Set<Integer>> refused = new HashMap<>();
  private int nextId = 1;
  private int waiting;

  private People(Path file, FaceStore store) {
    this.file = file;
    this.store = store;
  }

  /**
   * The persons stored in {@code file} (none if it does not exist), over the faces of {@code
   * store}.
   *
   * @throws IOException if the file exists but cannot be read
   */
  public static People open(Path file, FaceStore store) throws IOException {
    People p = new People(Objects.requireNonNull(file, "file"), Objects.requireNonNull(store));
    if (Files.isRegularFile(file)) {
      p.load(JSON.readTree(file.toFile()));
    }
    return p;
  }

  /** The faces these persons are made of. */
  public FaceStore store() {
    return store;
  }

  /** The persons, most faces first; hidden ones only if asked for. */
  public synchronized List<Person> list(boolean withHidden) {
    return persons.values().stream()
        .filter(p -> withHidden || !p.hidden())
        .sorted((a, b) -> b.faces().size() - a.faces().size())
        .toList();
  }

  public synchronized Optional<Person> get(int id) {
    return Optional.ofNullable(persons.get(id));
  }

  /** The persons named {@code name} (compared without case; several persons may share a name). */
  public synchronized List<Person> named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return persons.values().stream()
        .filter(p -> p.name() != null && p.name().toLowerCase(Locale.ROOT).equals(wanted))
        .toList();
  }

  /** The photos (content ids) of every person named {@code name}, compared without case. */
  public synchronized Set<String> photosOf(String name) {
    Set<String> ids = new HashSet<>();
    named(name).forEach(p -> ids.addAll(p.contentIds()));
    return ids;
  }

  /**
   * Applies the clustering rule to every stored face not in a person, after dropping from persons
   * the faces no longer stored (their photos deleted); a person left without faces is removed.
   *
   * @return how many faces wait unassigned
   * @throws IOException if the faces cannot be read or the persons written
   */
  public synchronized int update() throws IOException {
    Map<FaceId, float[]> all = new LinkedHashMap<>();
    for (StoredFace f : store.all()) {
      all.put(f.id(), f.face().descriptor());
    }
    Map<FaceId, Integer> owner = new HashMap<>();
    for (Person p : List.copyOf(persons.values())) {
      List<FaceId> kept = p.faces().stream().filter(all::containsKey).toList();
      if (kept.isEmpty()) {
        persons.remove(p.id());
      } else if (kept.size() != p.faces().size()) {
        persons.put(p.id(), new Person(p.id(), p.name(), p.hidden(), kept));
      }
      kept.forEach(f -> owner.put(f, p.id()));
    }
    refused.keySet().retainAll(all.keySet());
    Map<Integer, List<FaceId>> joined = new HashMap<>();
    List<FaceId> loose = new ArrayList<>();
    for (Map.Entry<FaceId, float[]> e : all.entrySet()) {
      FaceId face = e.getKey();
      if (owner.containsKey(face)) {
        continue;
      }
      float[] d = e.getValue();
      FaceId nearest = null;
      double best = JOIN_DISTANCE;
      Set<Integer> no = refused.getOrDefault(face, Set.of());
      for (Map.Entry<FaceId, Integer> o : owner.entrySet()) {
        double dist = distance(d, all.get(o.getKey()));
        if (dist < best && !no.contains(o.getValue())) {
          best = dist;
          nearest = o.getKey();
        }
      }
      if (nearest != null) {
        int id = owner.get(nearest);
        owner.put(face, id);
        joined.computeIfAbsent(id, k -> new ArrayList<>()).add(face);
        continue;
      }
      List<FaceId> near =
          loose.stream().filter(w -> distance(d, all.get(w)) < JOIN_DISTANCE).toList();
      if (near.isEmpty()) {
        loose.add(face);
        continue;
      }
      loose.removeAll(near);
      int id = nextId++;
      List<FaceId> members = new ArrayList<>(near);
      members.add(face);
      persons.put(id, new Person(id, null, false, sorted(members)));
      members.forEach(f -> owner.put(f, id));
    }
    joined.forEach(
        (id, faces) -> {
          Person p = persons.get(id);
          List<FaceId> more = new ArrayList<>(p.faces());
          more.addAll(faces);
          persons.put(id, new Person(id, p.name(), p.hidden(), sorted(more)));
        });
    this.waiting = loose.size();
    save();
    return this.waiting;
  }

  /**
   * How many faces wait in no person: after the last {@link #update}, plus those split off since.
   */
  public synchronized int waiting() {
    return waiting;
  }

  /**
   * Names a person (null or blank: unnamed again).
   *
   * @throws IllegalArgumentException if there is no such person
   * @throws IOException if the persons cannot be written
   */
  public synchronized Person name(int id, String name) throws IOException {
    Person p = existing(id);
    String n = name == null || name.isBlank() ? null : name.strip();
    return put(new Person(id, n, p.hidden(), p.faces()));
  }

  /**
   * Hides or shows a person.
   *
   * @throws IllegalArgumentException if there is no such person
   * @throws IOException if the persons cannot be written
   */
  public synchronized Person hide(int id, boolean hidden) throws IOException {
    Person p = existing(id);
    return put(new Person(id, p.name(), hidden, p.faces()));
  }

  /**
   * Moves every face of person {@code from} into person {@code into}, which keeps its name (or
   * takes {@code from}'s if it has none); {@code from} is gone.
   *
   * @throws IllegalArgumentException if either person does not exist, or they are the same
   * @throws IOException if the persons cannot be written
   */
  public synchronized Person merge(int into, int from) throws IOException {
    if (into == from) {
      throw new IllegalArgumentException("cannot merge person " + into + " into itself");
    }
    Person a = existing(into);
    Person b = existing(from);
    List<FaceId> faces = new ArrayList<>(a.faces());
    faces.addAll(b.faces());
    persons.remove(from);
    return put(new Person(into, a.name() != null ? a.name() : b.name(), a.hidden(), sorted(faces)));
  }

  /**
   * Splits a wrong face off a person: the face waits unassigned and never joins that person again.
   * A person left without faces is removed.
   *
   * @return the person without the face, if it still has faces
   * @throws IllegalArgumentException if there is no such person or the face is not its
   * @throws IOException if the persons cannot be written
   */
  public synchronized Optional<Person> split(int id, FaceId face) throws IOException {
    Person p = existing(id);
    if (!p.faces().contains(face)) {
      throw new IllegalArgumentException("face " + face + " is not in person " + id);
    }
    refused.computeIfAbsent(face, k -> new TreeSet<>()).add(id);
    // the face now waits in no person (until the next update may put it in another): counted
    // here, so the list says so at once rather than after the next index job
    waiting++;
    List<FaceId> rest = p.faces().stream().filter(f -> !f.equals(face)).toList();
    if (rest.isEmpty()) {
      persons.remove(id);
      save();
      return Optional.empty();
    }
    return Optional.of(put(new Person(id, p.name(), p.hidden(), rest)));
  }

  /**
   * Deletes a person and the descriptors, landmarks and crops of its faces (the photos stay, and
   * their faces are not looked for again).
   *
   * @throws IllegalArgumentException if there is no such person
   * @throws IOException if the faces or persons cannot be written
   */
  public synchronized void delete(int id) throws IOException {
    Person p = existing(id);
    for (FaceId f : p.faces()) {
      store.forget(f);
      refused.remove(f);
    }
    persons.remove(id);
    save();
  }

  private Person existing(int id) {
    Person p = persons.get(id);
    if (p == null) {
      throw new IllegalArgumentException("no person " + id);
    }
    return p;
  }

  private Person put(Person p) throws IOException {
    persons.put(p.id(), p);
    save();
    return p;
  }

  private static List<FaceId> sorted(List<FaceId> faces) {
    return new ArrayList<>(new TreeSet<>(faces));
  }

  static double distance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  private void load(JsonNode root) {
    nextId = Math.max(1, root.path("next").asInt(1));
    waiting = root.path("waiting").asInt();
    for (JsonNode p : root.path("persons")) {
      List<FaceId> faces = new ArrayList<>();
      p.path("faces").forEach(f -> faces.add(FaceId.parse(f.asText())));
      String name = p.hasNonNull("name") ? p.get("name").asText() : null;
      Person person = new Person(p.path("id").asInt(), name, p.path("hidden").asBoolean(), faces);
      persons.put(person.id(), person);
    }
    root.path("refused")
        .properties()
        .forEach(
            e -> {
              Set<Integer> ids = new TreeSet<>();
              e.getValue().forEach(v -> ids.add(v.asInt()));
              refused.put(FaceId.parse(e.getKey()), ids);
            });
  }

  private void save() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("next", nextId);
    root.put("waiting", waiting);
    ArrayNode list = root.putArray("persons");
    for (Person p : persons.values()) {
      ObjectNode o = list.addObject();
      o.put("id", p.id());
      o.put("name", p.name());
      o.put("hidden", p.hidden());
      ArrayNode faces = o.putArray("faces");
      p.faces().forEach(f -> faces.add(f.toString()));
    }
    ObjectNode no = root.putObject("refused");
    refused.forEach(
        (f, ids) -> {
          ArrayNode a = no.putArray(f.toString());
          ids.forEach(a::add);
        });
    DataFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }
}
