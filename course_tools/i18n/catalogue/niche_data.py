"""Texts of the niche model's inputs (course_tools.data.niche_inputs): where each criterion comes from, its caveats."""

TEXTS: dict[str, dict[str, str]] = {
    "niche_data.rca": {
        "en": "RCA/RSCA: Balassa RCA in {year} against every reporter of the trade table (L05); presence in "
              "density/PCI/COG uses the {n_countries} countries of the cleaned set, so an RCA near 1 can differ "
              "slightly from the presence used there.",
        "es": "VCR/VCRS: VCR de Balassa en {year} frente a todos los declarantes de la tabla de comercio (L05); la "
              "presencia en densidad/ICP/COG usa los {n_countries} países del conjunto depurado, así que una VCR "
              "cercana a 1 puede diferir levemente de la presencia usada allí."},
    "niche_data.complexity": {
        "en": "Density, distance, PCI, COG: indicators.complexity (py-ecomplexity convention) on {n_countries} "
              "countries x {n_products} products of {year} after filter_for_complexity (exporters of at least "
              "USD 1 billion, L08); COG is the Growth Lab software form (0 where the country already has RCA >= 1).",
        "es": "Densidad, distancia, ICP, COG: indicators.complexity (convención de py-ecomplexity) sobre "
              "{n_countries} países x {n_products} productos de {year} después de filter_for_complexity "
              "(exportadores de al menos USD 1.000 millones, L08); COG es la forma del software del Growth Lab (0 "
              "donde el país ya tiene VCR >= 1)."},
    "niche_data.dynamics": {
        "en": "Dynamics over one window, {y0}-{y1}, from the same trade panel: world demand growth as a CAGR "
              "(% a year) and the change of the country's world market share (points); {n_nan} headings with no "
              "world trade in {y0} have neither.",
        "es": "Dinámica en una sola ventana, {y0}-{y1}, del mismo panel de comercio: crecimiento de la demanda "
              "mundial como tasa anual compuesta (% anual) y cambio de la cuota de mercado mundial del país "
              "(puntos); {n_nan} partidas sin comercio mundial en {y0} no tienen ninguno de los dos."},
    "niche_data.dynamics_sitc": {
        "en": "The first year of the window, {y0}, was reported in SITC and converted to HS 2007 by the source: "
              "growth rates over such a long window describe broad trends, not recent ones.",
        "es": "El primer año de la ventana, {y0}, se declaró en CUCI y la fuente lo convirtió a SA 2007: las "
              "tasas de crecimiento en una ventana tan larga describen tendencias generales, no recientes."},
    "niche_data.no_dynamics": {
        "en": "No dynamics: the panel has no year before {year}, so demand growth and market-share change are "
              "not available (NaN).",
        "es": "Sin dinámica: el panel no tiene un año anterior a {year}, así que el crecimiento de la demanda y "
              "el cambio de cuota no están disponibles (NaN)."},
    "niche_data.not_base_reporter": {
        "en": "{country} does not report exports in {y0}: its market-share change over the window is not "
              "available (NaN).",
        "es": "{country} no declara exportaciones en {y0}: su cambio de cuota de mercado en la ventana no está "
              "disponible (NaN)."},
    "niche_data.lac_bilateral": {
        "en": "LAC demand share: imports of the {n_lac} Latin American and Caribbean countries as a share of "
              "world imports of each product, {year}, from the panel's bilateral flows by product.",
        "es": "Participación de la demanda de ALC: importaciones de los {n_lac} países de América Latina y el "
              "Caribe como proporción de las importaciones mundiales de cada producto, {year}, de los flujos "
              "bilaterales por producto del panel."},
    "niche_data.lac_proxy": {
        "en": "LAC demand share is a PROXY: the panel has no imports by product, so each exporter's 2006 share "
              "of total exports going to LAC (gravity table) is applied to its {year} exports of the product. "
              "Bias: products exported mainly by LAC countries score high because LAC exporters sell much of "
              "their total exports in the region, even where that product goes elsewhere.",
        "es": "La participación de la demanda de ALC es una APROXIMACIÓN: el panel no tiene importaciones por "
              "producto, así que la proporción de las exportaciones totales de cada exportador que va a ALC en 2006 "
              "(tabla de gravedad) se aplica a sus exportaciones del producto en {year}. Sesgo: los productos que "
              "exportan sobre todo países de ALC puntúan alto porque esos exportadores venden en la región buena "
              "parte del total, aunque ese producto vaya a otros destinos."},
    "niche_data.potential_bilateral": {
        "en": "Untapped export potential (ITC-style EPI, F2): from the panel's bilateral flows by product, mean "
              "of {years}; distances from the CEPII gravity table (2006); no tariffs, no GDP projections.",
        "es": "Potencial exportador no aprovechado (EPI al estilo del ITC, F2): de los flujos bilaterales por "
              "producto del panel, promedio de {years}; distancias de la tabla de gravedad del CEPII (2006); sin "
              "aranceles ni proyecciones del PIB."},
    "niche_data.potential_proxy": {
        "en": "Untapped export potential is a PROXY: with no flows by product and market, every exporter's {year} "
              "exports are spread over markets with its 2006 bilateral shares (gravity table), so the potential "
              "shows where a market's estimated demand differs from the world's, not what {country} actually "
              "sells there. Use a BACI release (course report --trade) to measure it.",
        "es": "El potencial exportador no aprovechado es una APROXIMACIÓN: sin flujos por producto y mercado, las "
              "exportaciones de {year} de cada exportador se reparten entre mercados con sus proporciones "
              "bilaterales de 2006 (tabla de gravedad), de modo que el potencial muestra dónde la demanda estimada "
              "de un mercado difiere de la mundial, no lo que {country} vende realmente allí. Use una versión de "
              "BACI (course report --trade) para medirlo."},
    "niche_data.potential_own_partners": {
        "en": "Untapped export potential is a PROXY built with {country}'s own partner shares from its customs "
              "file and the 2006 gravity shares of every other exporter (no flows by product for them).",
        "es": "El potencial exportador no aprovechado es una APROXIMACIÓN construida con las proporciones por "
              "socio de {country} tomadas de su archivo de aduanas y las proporciones de gravedad de 2006 de los "
              "demás exportadores (sin flujos por producto para ellos)."},
    "niche_data.potential_fallback": {
        "en": "{n} exporters are not in the 2006 gravity table as exporters (e.g. {examples}): their exports are "
              "spread by each market's share of world imports.",
        "es": "{n} exportadores no figuran como exportadores en la tabla de gravedad de 2006 (p. ej., "
              "{examples}): sus exportaciones se reparten según la participación de cada mercado en las "
              "importaciones mundiales."},
    "niche_data.linkages_mrio": {
        "en": "Backward/forward linkages: {region} domestic block of the world input-output table 2000 (23 "
              "sectors; Rasmussen backward, Ghosh forward, L09), to HS 2007 by the hs07->isic3 concordance "
              "(1/n weights).",
        "es": "Encadenamientos hacia atrás y hacia adelante: bloque doméstico de {region} de la tabla mundial de "
              "insumo-producto 2000 (23 sectores; Rasmussen hacia atrás, Ghosh hacia adelante, L09), llevados a SA "
              "2007 con la correspondencia hs07->isic3 (ponderaciones 1/n)."},
    "niche_data.linkages_proxy": {
        "en": "Linkages are a PROXY: {country} is not in the world input-output table 2000, so the structure of "
              "{region} stands in for it.",
        "es": "Los encadenamientos son una APROXIMACIÓN: {country} no está en la tabla mundial de "
              "insumo-producto 2000, así que se usa la estructura de {region} en su lugar."},
    "niche_data.linkages_national": {
        "en": "Backward/forward linkages from the national input-output table {source} ({n} sectors), mapped to "
              "HS 2007 through its sector -> ISIC mapping.",
        "es": "Encadenamientos hacia atrás y hacia adelante de la tabla nacional de insumo-producto {source} ({n} "
              "sectores), llevados a SA 2007 con su correspondencia sector -> CIIU."},
    "niche_data.extra": {
        "en": "Extra criteria from {source}: {names}.",
        "es": "Criterios adicionales de {source}: {names}."},
    "niche_data.territory": {
        "en": "Territory/SMEs: no criterion by default. The only SME census shipped (INEGI, Tamaulipas) covers one "
              "state at SCIAN 2-digit level; bring a national census as an extra criterion (course report "
              "--criteria).",
        "es": "Territorio/pymes: ningún criterio por defecto. El único censo de pymes incluido (INEGI, Tamaulipas) "
              "cubre un estado a 2 dígitos del SCIAN; incorpore un censo nacional como criterio adicional (course "
              "report --criteria)."},
    "niche_data.year_not_in_panel": {
        "en": "year {year} is not in the trade panel ({years}); choose one of its years",
        "es": "el año {year} no está en el panel de comercio ({years}); elija uno de sus años"},
    "niche_data.window_end": {
        "en": "the window {y0}:{y1} must end at or before the year of the criteria ({year}) and run forward",
        "es": "la ventana {y0}:{y1} debe terminar en el año de los criterios ({year}) o antes, y avanzar en el "
              "tiempo"},
    # the weights file of the two lists (data.own_files.list_weights)
    "niche_data.weights_header": {
        "en": "# Nichos: weights and thresholds of the two niche lists (read with course_tools.data.read_list_weights)",
        "es": "# Nichos: ponderaciones y umbrales de las dos listas de nichos (se leen con "
              "course_tools.data.read_list_weights)"},
    "niche_data.weights_problem": {
        "en": "{file}, [{section}] {key}: {problem}\nHow to fix: {fix}",
        "es": "{file}, [{section}] {key}: {problem}\nCómo corregirlo: {fix}"},
    "niche_data.weights_missing_file": {
        "en": "{path}: file not found (save your weights from lesson L11 with write_list_weights)",
        "es": "{path}: no se encontró el archivo (guarde sus ponderaciones desde la lección L11 con "
              "write_list_weights)"},
    "niche_data.weights_none": {"en": "no weights", "es": "no hay ponderaciones"},
    "niche_data.weights_none_fix": {
        "en": "add [consolidate.weights] and/or [diversify.weights] with lines such as pci = 1.0 (save them from "
              "lesson L11, or start from datasets/templates/weights_template.toml).",
        "es": "agregue [consolidate.weights] y/o [diversify.weights] con líneas como pci = 1.0 (guárdelas desde la "
              "lección L11 o parta de datasets/templates/weights_template.toml)."},
    "niche_data.weights_nolist": {"en": "no list of the niche model in the file",
                                  "es": "el archivo no tiene ninguna lista del modelo de nichos"},
    "niche_data.weights_unknown": {"en": "unknown criterion", "es": "criterio desconocido"},
    "niche_data.weights_unknown_fix": {"en": "use one of {known}.", "es": "use uno de {known}."},
    "niche_data.weights_nan": {"en": "{value} is not a number", "es": "{value} no es un número"},
    "niche_data.weights_nan_fix": {"en": "write a number such as 1.0.", "es": "escriba un número como 1.0."},
    "niche_data.weights_negative": {"en": "negative weight {value}", "es": "ponderación negativa {value}"},
    "niche_data.weights_negative_fix": {
        "en": "weights are >= 0 (0 leaves the criterion out); where lower is better keep a positive weight: the "
              "model knows the criterion's direction.",
        "es": "las ponderaciones son >= 0 (0 deja fuera el criterio); si menor es mejor, mantenga una ponderación "
              "positiva: el modelo conoce la dirección del criterio."},
    "niche_data.weights_zero": {"en": "every weight is 0", "es": "todas las ponderaciones son 0"},
    "niche_data.weights_zero_fix": {"en": "give at least one criterion a positive weight.",
                                    "es": "dé una ponderación positiva al menos a un criterio."},
    "niche_data.thresholds_bad": {"en": "{rule} is not {{ op = \">=\", value = 1.0 }}",
                                  "es": "{rule} no tiene la forma {{ op = \">=\", value = 1.0 }}"},
    "niche_data.thresholds_bad_fix": {"en": "write {key} = {{ op = \">=\", value = 1.0 }} with op one of {ops}.",
                                      "es": "escriba {key} = {{ op = \">=\", value = 1.0 }} con op igual a uno de "
                                            "{ops}."},
    "niche_data.weights_list": {"en": "unknown list {name!r}", "es": "lista desconocida {name!r}"},
    "niche_data.weights_list_fix": {"en": "write list = \"consolidate\" or list = \"diversify\".",
                                    "es": "escriba list = \"consolidate\" o list = \"diversify\"."},
}
