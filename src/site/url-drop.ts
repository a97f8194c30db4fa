/**
 * The placeholders a document's permalink template may use: what Jekyll's URL drop answers
 * `respond_to?` for (Jekyll::URL#generate_url_from_drop), read from jekyll 4.3.1 on Ruby 3.1:
 * its own keys, and the Enumerable and Object methods every drop has (`:hash` writes nonsense,
 * but no error). Any other placeholder stops `jekyll build` ("The URL template doesn't have …
 * keys"), unless a plugin adds it to the drop.
 */
const ownKeys = 'categories collection day hour i_day i_month long_day long_month minute month name output_ext path second short_day short_month short_year slug slugified_categories title w_day w_year week y_day year';

const inheritedMethods = `__id__ __send__ chain chunk chunk_while class clone collect collect_concat compact content_methods count cycle
  define_singleton_method detect display drop drop_while dup each each_cons each_entry each_key each_slice each_with_index
  each_with_object entries enum_for extend fetch filter filter_map find find_all find_index first flat_map freeze grep grep_v
  group_by hash hash_for_json inject inspect instance_eval instance_exec instance_variable_get instance_variable_set
  instance_variables invoke_drop itself keys lazy liquid_method_missing map max max_by merge method methods min min_by minmax
  minmax_by object_id partition private_methods protected_methods public_method public_methods public_send reduce reject
  remove_instance_variable reverse_each select send singleton_class singleton_method singleton_methods slice_after
  slice_before slice_when sort sort_by sum taint take take_while tally tap then to_a to_enum to_h to_hash to_json to_liquid
  to_s to_set to_yaml trust uniq untaint untrust yield_self zip`;

const urlDropKeys = new Set(`${ownKeys} ${inheritedMethods}`.split(/\s+/));

/** The placeholders of a template Jekyll's URL drop does not have (`:titel`); `:title_` may also be `:title`, as Jekyll reads it. */
export function placeholdersNotInUrlDrop(template: string): string[] {
  return [...template.matchAll(/:([a-z_]+)/g)].map((match) => match[1]!).filter((key) => !urlDropKeys.has(key) && !(key.endsWith('_') && urlDropKeys.has(key.slice(0, -1))));
}
