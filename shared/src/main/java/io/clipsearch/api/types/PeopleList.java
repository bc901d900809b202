package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The persons of a collection, most faces first.
 *
 * @param people the persons
 * @param unassignedFaces faces found that wait in no person yet (no other face near enough)
 */
@Serdeable
public record PeopleList(List<PersonInfo> people, int unassignedFaces) {}
