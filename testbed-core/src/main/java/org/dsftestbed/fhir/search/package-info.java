/**
 * The search of a DSF 1.9.0 FHIR server, independent of HTTP. Entry point:
 * {@link org.dsftestbed.fhir.search.SearchEngine#search(String, java.util.Map, SearchContext)}, which returns the
 * searchset or, with strict handling, throws {@link org.dsftestbed.fhir.search.SearchParameterException} (400).
 * <p>
 * Each search parameter is a class in {@code parameter} (shared ones such as {@code _id} or {@code identifier} are
 * generic over the resource type); their kinds are in {@code parameter.basic}; the per-type lists are in
 * {@link org.dsftestbed.fhir.search.SearchableResourceTypes}.
 * <p>
 * Matching follows DSF's SQL rather than the FHIR specification where the two differ: a comma is no OR; a missing
 * element is NULL (not selected by {@code :not}); string and URL-prefix searches are LIKE patterns; dates compare
 * wall-clock times; single identifiers compare as whole JSON objects. Known differences from DSF: sort order of
 * strings is Java's (DSF: the database collation), a few sort keys DSF computes oddly or not at all are approximated,
 * and where DSF's SQL fails with 500 (several Endpoints per Organization in {@code _revinclude=Endpoint:organization},
 * year-only element dates) this search answers normally.
 */
package org.dsftestbed.fhir.search;
