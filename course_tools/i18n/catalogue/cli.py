"""What the ``course`` command prints (``cli.<what>``), in the language of ``$NICHOS_LANG``.

Spanish: usted, as between colleagues; command names, options and file names stay as typed.
"""

TEXTS: dict[str, dict[str, str]] = {
    "cli.fail": {"en": "course {command}: {err}", "es": "course {command}: {err}"},
    "cli.problem": {"en": "✗ {problem}", "es": "✗ {problem}"},
    # course build
    "cli.build.generated": {"en": "generated {path}", "es": "generado {path}"},
    "cli.build.done": {"en": "{n} exercise notebook(s) in exercises/ are in step with solutions/",
                       "es": "{n} cuaderno(s) de ejercicios en exercises/ al día con solutions/"},
    # course data verify | manifest
    "cli.data.unlisted": {"en": "datasets/{path} is not listed in the manifest",
                          "es": "datasets/{path} no figura en el manifiesto"},
    "cli.data.verified": {"en": "{ok} of {n} dataset files match their checksums",
                          "es": "{ok} de {n} archivos de datos coinciden con sus sumas de verificación"},
    "cli.data.manifest": {"en": "wrote {path} ({n} files)",
                          "es": "se escribió {path} ({n} archivos)"},
    # course participant-copy
    "cli.delivery.copied": {"en": ("wrote {n} files to {out} (without solutions/, tests/, the gradebook or nbgrader "
                                   "working folders)"),
                            "es": ("se escribieron {n} archivos en {out} (sin solutions/, tests/, el libro de "
                                   "calificaciones ni las carpetas de trabajo de nbgrader)")},
    "cli.delivery.next": {"en": ("next: cd there, commit and push to the participants' repository, then run "
                                 "`course link --hub HUB_URL --repo THAT_REPOSITORY_URL`"),
                          "es": ("siguiente paso: vaya a esa carpeta (cd), haga commit y push al repositorio de los "
                                 "participantes y luego ejecute `course link --hub URL_DEL_HUB --repo "
                                 "URL_DE_ESE_REPOSITORIO`")},
    # course editions sync | check
    "cli.editions.copied": {"en": "copied the code cells into {path}",
                            "es": "se copiaron las celdas de código en {path}"},
    "cli.editions.synced": {"en": "{n} lesson(s): the {lang} edition has the English code cells ({changed} updated)",
                            "es": ("{n} lección(es): la edición '{lang}' tiene las celdas de código de la edición en "
                                   "inglés ({changed} actualizada(s))")},
    "cli.editions.problems": {"en": "{n} problem(s) in the {lang} edition",
                              "es": "{n} problema(s) en la edición '{lang}'"},
    "cli.editions.in_step": {"en": "the {lang} edition is in step with the English lessons",
                             "es": "la edición '{lang}' está al día con las lecciones en inglés"},
    # course export
    "cli.export.not_a_notebook": {"en": ("{path} is not a notebook file (.ipynb); give the path of a lesson, e.g. "
                                         "lessons/05_revealed_comparative_advantage.ipynb"),
                                  "es": ("{path} no es un archivo de cuaderno (.ipynb); indique la ruta de una "
                                         "lección, p. ej. lessons/05_revealed_comparative_advantage.ipynb")},
    "cli.export.p_needs_run": {"en": "-p needs the notebook to run; drop --no-execute or the -p options",
                               "es": "-p requiere ejecutar el cuaderno; quite --no-execute o las opciones -p"},
    "cli.export.no_outputs": {"en": "{name} has no saved outputs: running it first",
                              "es": "{name} no tiene salidas guardadas: se ejecuta primero"},
    "cli.export.running": {"en": "running {name} (offline) ...",
                           "es": "ejecutando {name} (sin conexión) ..."},
    "cli.export.running_with": {"en": "running {name} with {parameters} (offline) ...",
                                "es": "ejecutando {name} con {parameters} (sin conexión) ..."},
    "cli.export.wrote": {"en": "wrote {path} ({size}, {seconds:.0f} s); open it in any web browser, it works offline",
                         "es": ("se escribió {path} ({size}, {seconds:.0f} s); ábralo en cualquier navegador web, "
                                "funciona sin conexión")},

    # --- help (course --help, course <command> --help) ------------------------------------------------------------
    "cli.help.description": {
        "en": ("Nichos course tools: build the exercises, check the data, export lessons, run the\n"
               "country report, and run a workshop (release, collect, grade, feedback) on a hub."),
        "es": ("Herramientas del curso Nichos: generar los ejercicios, verificar los datos, exportar lecciones,\n"
               "producir el informe de país y dirigir un taller (release, collect, grade, feedback) en un hub.")},
    "cli.help.epilog": {
        "en": ("Each command has --help, e.g. `course grade --help`. Examples:\n"
               "  course build                                  exercises/ in step with solutions/\n"
               "  course data verify                            the datasets against datasets/MANIFEST.sha256\n"
               "  course export lessons/05_revealed_comparative_advantage.ipynb -p COUNTRY PER\n"
               "  course report --country PER --lang es         reports/PER.es.html\n"
               "  course check-countries --lessons --country PRY BLZ\n"
               "                                                every lesson for Paraguay and Belize: ✓ or ✗ and why\n"
               "  course release ex03 --zip                     then collect, grade, feedback, grades, dashboard\n"
               "Messages follow $NICHOS_LANG (en, es).\n"),
        "es": ("Cada comando tiene --help, p. ej. `course grade --help`. Ejemplos:\n"
               "  course build                                  exercises/ al día con solutions/\n"
               "  course data verify                            los datos frente a datasets/MANIFEST.sha256\n"
               "  course export lessons/05_revealed_comparative_advantage.ipynb -p COUNTRY PER\n"
               "  course report --country PER --lang es         reports/PER.es.html\n"
               "  course check-countries --lessons --country PRY BLZ\n"
               "                                                cada lección para Paraguay y Belice: ✓ o ✗ y por qué\n"
               "  course release ex03 --zip                     luego collect, grade, feedback, grades, dashboard\n"
               "Los mensajes siguen $NICHOS_LANG (en, es).\n")},
    "cli.help.commands": {"en": "commands", "es": "comandos"},
    "cli.help.options": {"en": "options", "es": "opciones"},
    "cli.help.positionals": {"en": "positional arguments", "es": "argumentos posicionales"},
    "cli.help.help": {"en": "show this help message and exit", "es": "muestra esta ayuda y termina"},
    "cli.help.build": {"en": "regenerate exercises/ from solutions/ with nbgrader",
                       "es": "regenera exercises/ a partir de solutions/ con nbgrader"},
    "cli.help.build_assignments": {"en": "assignments to build (default: every folder in solutions/)",
                                   "es": "las tareas que se generan (por defecto: todas las carpetas de solutions/)"},
    "cli.help.data": {"en": "check or re-checksum the shipped datasets",
                      "es": "verifica los datos incluidos o recalcula sus sumas de verificación"},
    "cli.help.data_verify": {"en": "check every data file against datasets/MANIFEST.sha256",
                             "es": "verifica cada archivo de datos frente a datasets/MANIFEST.sha256"},
    "cli.help.data_manifest": {"en": "rewrite datasets/MANIFEST.sha256 from the files on disk",
                               "es": "reescribe datasets/MANIFEST.sha256 a partir de los archivos en disco"},
    "cli.help.link": {"en": "print the nbgitpuller link that gives each hub participant the course",
                      "es": "imprime el enlace nbgitpuller que da el curso a cada participante del hub"},
    "cli.help.link_description": {
        "en": ("Print the nbgitpuller link that clones the participants' copy of the course into each JupyterHub "
               "account and opens a lesson in JupyterLab."),
        "es": ("Imprime el enlace nbgitpuller que clona la copia del curso para participantes en cada cuenta de "
               "JupyterHub y abre una lección en JupyterLab.")},
    "cli.help.link_epilog": {
        "en": ("Example (one link for the whole workshop; send it by e-mail or put it on a slide):\n\n"
               "  course participant-copy ../nichos-participants     # then push it to its own repository\n"
               "  course link --hub https://hub.example.org --repo https://github.com/ORG/nichos-participants\n\n"
               "Clicking the link logs the participant in, clones the repository into their home folder\n"
               "(or updates it without overwriting their changes) and opens the welcome lesson.\n"
               "The hub needs nbgitpuller (TLJH ships it; the z2jh image of deploy/z2jh installs it).\n"),
        "es": ("Ejemplo (un solo enlace para todo el taller; envíelo por correo o póngalo en una diapositiva):\n\n"
               "  course participant-copy ../nichos-participants     # luego súbalo a su propio repositorio\n"
               "  course link --hub https://hub.example.org --repo https://github.com/ORG/nichos-participants\n\n"
               "Al hacer clic en el enlace, el participante inicia sesión, el repositorio se clona en su carpeta\n"
               "personal (o se actualiza sin sobrescribir sus cambios) y se abre la lección de bienvenida.\n"
               "El hub necesita nbgitpuller (TLJH lo incluye; la imagen z2jh de deploy/z2jh lo instala).\n")},
    "cli.help.link_hub": {"en": "address of the JupyterHub, e.g. https://hub.example.org",
                          "es": "dirección del JupyterHub, p. ej. https://hub.example.org"},
    "cli.help.link_repo": {
        "en": ("git address of the participants' copy (made with `course participant-copy`), not of the course "
               "repository, which holds the solutions"),
        "es": ("dirección git de la copia para participantes (hecha con `course participant-copy`), no la del "
               "repositorio del curso, que contiene las soluciones")},
    "cli.help.link_branch": {"en": "branch of that repository (default: main)",
                             "es": "rama de ese repositorio (por defecto: main)"},
    "cli.help.link_open": {"en": "file or folder to open, inside the repository (default: lessons/00_welcome.ipynb)",
                           "es": ("archivo o carpeta que se abre, dentro del repositorio (por defecto: "
                                  "lessons/00_welcome.ipynb)")},
    "cli.help.link_app": {"en": "open it in JupyterLab (default) or in the classic Notebook interface",
                          "es": "abrirlo en JupyterLab (por defecto) o en la interfaz clásica de Notebook"},
    "cli.help.link_targetpath": {"en": "folder to clone into, in each home folder (default: the repository's name)",
                                 "es": ("carpeta donde clonar, dentro de cada carpeta personal (por defecto: el "
                                        "nombre del repositorio)")},
    "cli.help.link_allow_solutions": {
        "en": ("skip the check that --repo is not the course repository (only for links that instructors use on "
               "their own accounts)"),
        "es": ("omite la verificación de que --repo no es el repositorio del curso (solo para enlaces que los "
               "instructores usan en sus propias cuentas)")},
    "cli.help.participant_copy": {
        "en": "write a copy of the course without solutions, hidden tests or grades",
        "es": "escribe una copia del curso sin soluciones, pruebas ocultas ni calificaciones"},
    "cli.help.participant_copy_description": {
        "en": ("Write the participants' copy of the course into OUT_DIR: lessons, exercises, datasets, course_tools "
               "and docs, without solutions/, tests/, the gradebook or nbgrader working folders. Push OUT_DIR to the "
               "participants' repository."),
        "es": ("Escribe en OUT_DIR la copia del curso para participantes: lecciones, ejercicios, datos, "
               "course_tools y documentación, sin solutions/, tests/, el libro de calificaciones ni las carpetas de "
               "trabajo de nbgrader. Suba OUT_DIR (push) al repositorio de los participantes.")},
    "cli.help.participant_copy_out": {
        "en": ("new or empty folder, a clone of the participants' repository, or an earlier copy to refresh (its "
               ".git is kept)"),
        "es": ("carpeta nueva o vacía, un clon del repositorio de los participantes, o una copia anterior por "
               "actualizar (se conserva su .git)")},
    "cli.help.editions": {"en": "keep the Spanish edition of the lessons in step (code cells)",
                          "es": "mantiene al día la edición en español de las lecciones (celdas de código)"},
    "cli.help.editions_sync": {"en": "copy the English code cells into the edition",
                               "es": "copia en la edición las celdas de código de la edición en inglés"},
    "cli.help.editions_check": {"en": "list cells that differ or read as English",
                                "es": "lista las celdas que difieren o que se leen como inglés"},
    "cli.help.editions_lang": {"en": "the edition (default: es)", "es": "la edición (por defecto: es)"},
    "cli.help.export": {"en": "export a lesson to one standalone HTML page that opens offline",
                        "es": "exporta una lección a una sola página HTML autónoma que abre sin conexión"},
    "cli.help.export_description": {
        "en": ("Run a notebook (offline) and save it as ONE HTML file that opens in any web browser without "
               "internet: figures, formulas and tables included, widgets shown as a static picture. Example: course "
               "export lessons/05_revealed_comparative_advantage.ipynb -p COUNTRY PER"),
        "es": ("Ejecuta un cuaderno (sin conexión) y lo guarda como UN archivo HTML que abre en cualquier "
               "navegador sin internet: figuras, fórmulas y tablas incluidas, controles interactivos como imagen "
               "estática. Ejemplo: course export lessons/05_revealed_comparative_advantage.ipynb -p COUNTRY PER")},
    "cli.help.export_epilog": {
        "en": ("The default output is output/<notebook>[.<values>].html in the current folder. Cell tags (JupyterLab "
               "property inspector, gear icon): remove-cell drops a cell, remove-output its outputs, remove-input "
               "its code."),
        "es": ("Por defecto se escribe output/<cuaderno>[.<valores>].html en la carpeta actual. Etiquetas de celda "
               "(inspector de propiedades de JupyterLab, ícono del engranaje): remove-cell quita una celda, "
               "remove-output sus salidas, remove-input su código.")},
    "cli.help.export_notebook": {"en": "the .ipynb file to export", "es": "el archivo .ipynb que se exporta"},
    "cli.help.export_output": {"en": "the HTML file to write (default: output/<notebook name>.html)",
                               "es": "el archivo HTML de salida (por defecto: output/<nombre del cuaderno>.html)"},
    "cli.help.export_parameter": {
        "en": ("set a parameter of the notebook's 'parameters' cell, e.g. -p COUNTRY PER -p YEAR 2017 (repeat for "
               "several)"),
        "es": ("fija un parámetro de la celda 'parameters' del cuaderno, p. ej. -p COUNTRY PER -p YEAR 2017 (repítalo "
               "para varios)")},
    "cli.help.export_hide_code": {"en": "report mode: hide the code and the In/Out prompts, keep text and results",
                                  "es": ("modo informe: oculta el código y las marcas In/Out, conserva el texto y los "
                                         "resultados")},
    "cli.help.export_no_execute": {
        "en": ("export the saved outputs as they are, without running the notebook (it is run anyway if it has no "
               "outputs)"),
        "es": ("exporta las salidas guardadas tal como están, sin ejecutar el cuaderno (se ejecuta de todos modos si "
               "no tiene salidas)")},
    "cli.help.export_timeout": {"en": "seconds allowed for each cell when running (default 600)",
                                "es": "segundos permitidos para cada celda al ejecutar (por defecto 600)"},
    # course report --help
    "cli.help.report": {"en": "country report (lesson L12) as a standalone HTML page",
                        "es": "informe de país (lección L12) como página HTML autónoma"},
    "cli.help.report_description": {
        "en": ("Run the country report (lesson L12) and write one standalone HTML page per country.\n\n"
               "The page opens offline in any browser (figures embedded, code hidden) and prints cleanly: present it "
               "as it is.\n"
               "Examples:\n"
               "  course report --country PER                  reports/PER.en.html, the shipped tables (2017, "
               "dynamics 1980-2017)\n"
               "  course report --country PER --lang es --xlsx --dta\n"
               "                                               reports/PER.es.html, PER.es.xlsx and "
               "PER.es.<table>.dta\n"
               "  course report --country PRY --trade BACI_HS92_V202401.zip --year 2022 --window 2012:2022 --lang es\n"
               "                                               the niche model on a BACI release (flows by partner: "
               "LAC demand and\n"
               "                                               untapped potential measured, not estimated)\n"
               "  course report --country PRY --trade exportaciones_2023.csv --trade-option value_col=\"Valor FOB "
               "(US$)\" \\\n"
               "      --trade-option partner_col=\"País de destino\" --trade-option product_col=NCM --trade-option "
               "year=2023 \\\n"
               "      --trade-option decimal=, --trade-option thousands=. --world BACI_HS92_V202401.zip\n"
               "                                               a national customs file, the world from a BACI "
               "release\n"
               "  course report --country PRY --io mip.csv --io-mapping mip_ciiu.csv --criteria censo.csv --weights "
               "PRY.toml\n"
               "                                               a national input-output table, extra criteria, the "
               "L11 weights\n"
               "  course report --all-lac                      the 33 Latin American and Caribbean countries + "
               "reports/index.html\n"
               "                                               (the index links each country's pages in both "
               "languages)\n\n"
               "The first screen states every source, release, year and proxy the report uses.\n"
               "A country whose data are too thin (not in the complexity sample: exports below USD 1 billion) gets "
               "a short\n"
               "report that says which data are missing and why. With --all-lac a country that fails gets an error "
               "page;\n"
               "the command goes on, lists the failures and exits with status 1. Layouts of the own files:\n"
               "datasets/templates/README.md.\n"),
        "es": ("Ejecuta el informe de país (lección L12) y escribe una página HTML autónoma por país.\n\n"
               "La página abre sin conexión en cualquier navegador (figuras incluidas, código oculto) y se imprime "
               "bien: preséntela tal como está.\n"
               "Ejemplos:\n"
               "  course report --country PER                  reports/PER.en.html, las tablas incluidas (2017, "
               "dinámica 1980-2017)\n"
               "  course report --country PER --lang es --xlsx --dta\n"
               "                                               reports/PER.es.html, PER.es.xlsx y "
               "PER.es.<tabla>.dta\n"
               "  course report --country PRY --trade BACI_HS92_V202401.zip --year 2022 --window 2012:2022 --lang es\n"
               "                                               el modelo de nichos sobre una versión de BACI (flujos "
               "por socio: demanda de\n"
               "                                               ALC y potencial no aprovechado medidos, no "
               "estimados)\n"
               "  course report --country PRY --trade exportaciones_2023.csv --trade-option value_col=\"Valor FOB "
               "(US$)\" \\\n"
               "      --trade-option partner_col=\"País de destino\" --trade-option product_col=NCM --trade-option "
               "year=2023 \\\n"
               "      --trade-option decimal=, --trade-option thousands=. --world BACI_HS92_V202401.zip\n"
               "                                               un archivo nacional de aduanas; el resto del mundo, "
               "de una versión de BACI\n"
               "  course report --country PRY --io mip.csv --io-mapping mip_ciiu.csv --criteria censo.csv --weights "
               "PRY.toml\n"
               "                                               una matriz insumo-producto nacional, criterios "
               "adicionales, las ponderaciones de L11\n"
               "  course report --all-lac                      los 33 países de América Latina y el Caribe + "
               "reports/index.html\n"
               "                                               (el índice enlaza las páginas de cada país en ambos "
               "idiomas)\n\n"
               "La primera pantalla indica cada fuente, versión, año y variable sustituta (proxy) que usa el "
               "informe.\n"
               "Un país con datos insuficientes (fuera de la muestra de complejidad: exportaciones por debajo de "
               "USD 1.000 millones)\n"
               "recibe un informe breve que dice qué datos faltan y por qué. Con --all-lac, un país que falla recibe "
               "una página de\n"
               "error; el comando continúa, lista los fallos y termina con estado 1. Formato de los archivos "
               "propios:\n"
               "datasets/templates/README.md.\n")},
    "cli.help.report_country": {"en": "the country, as an ISO3 code (e.g. PER, MEX, JAM)",
                                "es": "el país, como código ISO3 (p. ej. PER, MEX, JAM)"},
    "cli.help.report_all_lac": {"en": "every Latin American and Caribbean country (33), with an index page",
                                "es": "todos los países de América Latina y el Caribe (33), con una página índice"},
    "cli.help.report_lang": {"en": "language of the report: en or es (default en)",
                             "es": "idioma del informe: en o es (por defecto en)"},
    "cli.help.report_trade": {
        "en": ("your trade data: a CEPII BACI release (zip, folder or one year's CSV) or a customs file (default: the "
               "shipped tables)"),
        "es": ("sus datos de comercio: una versión de BACI del CEPII (zip, carpeta o el CSV de un año) o un archivo "
               "de aduanas (por defecto: las tablas incluidas)")},
    "cli.help.report_trade_option": {
        "en": ("how to read a customs file (repeat): product_col=, value_col=, partner_col=, year=, decimal=, "
               "thousands=, classification= (see data.read_customs)"),
        "es": ("cómo leer un archivo de aduanas (repítala): product_col=, value_col=, partner_col=, year=, decimal=, "
               "thousands=, classification= (véase data.read_customs)")},
    "cli.help.report_world": {"en": "with a customs file: a BACI release for every other exporter",
                              "es": "con un archivo de aduanas: una versión de BACI para todos los demás exportadores"},
    "cli.help.report_year": {"en": "year of the criteria (default: the last year of the trade data)",
                             "es": "año de los criterios (por defecto: el último año de los datos de comercio)"},
    "cli.help.report_window": {
        "en": "dynamics window, two years of the trade data (default: about ten years ending at --year)",
        "es": ("ventana de la dinámica, dos años de los datos de comercio (por defecto: unos diez años que terminan "
               "en --year)")},
    "cli.help.report_io": {"en": "a national input-output table (datasets/templates/)",
                           "es": "una matriz insumo-producto nacional (datasets/templates/)"},
    "cli.help.report_io_mapping": {"en": "its sector -> ISIC mapping (default: the *mapping*.csv next to it)",
                                   "es": ("su correspondencia sector -> CIIU (por defecto: el archivo *mapping*.csv "
                                          "junto a ella)")},
    "cli.help.report_criteria": {"en": "extra criteria, e.g. from an SME census (datasets/templates/)",
                                 "es": "criterios adicionales, p. ej. de un censo de pymes (datasets/templates/)"},
    "cli.help.report_weights": {"en": "the weights of the two lists saved in lesson L11 (TOML)",
                                "es": "las ponderaciones de las dos listas guardadas en la lección L11 (TOML)"},
    "cli.help.report_xlsx": {"en": "also write the report's tables to <ISO3>.<lang>.xlsx",
                             "es": "escribe además las tablas del informe en <ISO3>.<lang>.xlsx"},
    "cli.help.report_dta": {"en": "also write the report's tables as Stata files",
                            "es": "escribe además las tablas del informe como archivos de Stata"},
    "cli.help.report_output": {"en": "folder for the files (default: reports/ in the course folder)",
                               "es": "carpeta de los archivos (por defecto: reports/ en la carpeta del curso)"},
    "cli.help.report_quiet": {"en": "no progress bar", "es": "sin barra de progreso"},
}
