/* The per-character loops of pdf/document.py in C: a page's glyphs with their boxes, cut
 * into pieces of PDFium's runs (`page_chars_python`), a run's baseline and size
 * (`run_metrics_python`), and a line's glyphs into its text, box, size, baseline, cells,
 * footnote references and raised start (`line_summary_python`, `line_cells_python`).
 *
 * Why: a report is ~170,000 characters, and the Python loops spent most of the page reading's
 * time on them, above all in ctypes calling PDFium once or twice per character (box, origin,
 * sometimes size and text matrix). Here the same PDFium functions are called directly,
 * through the addresses pypdfium2's bindings hold (so the library is the one pypdfium2
 * loaded, whatever its version), and the same arithmetic is done on the same doubles in the
 * same order: the results are equal, glyph for glyph, to the Python loops'
 * (tests/test_compiled_chars.py). Optional: when this file cannot be built (no compiler at
 * install), the Python loops run.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

typedef int (*char_box_fn)(void *, int, double *, double *, double *, double *);
typedef int (*char_origin_fn)(void *, int, double *, double *);
typedef double (*font_size_fn)(void *, int);
typedef struct {
    float a, b, c, d, e, f;
} fs_matrix;
typedef int (*matrix_fn)(void *, int, fs_matrix *);
typedef unsigned int (*unicode_fn)(void *, int);

/* A set of code points given as a str: a table for ASCII, a scan for the rest. */
typedef struct {
    char ascii[128];
    Py_UCS4 *other;
    Py_ssize_t n_other;
} charset;

static int charset_init(charset *set, PyObject *chars) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(chars);
    memset(set->ascii, 0, sizeof(set->ascii));
    set->other = PyMem_Malloc(sizeof(Py_UCS4) * (n ? n : 1));
    set->n_other = 0;
    if (set->other == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(chars, i);
        if (ch < 128)
            set->ascii[ch] = 1;
        else
            set->other[set->n_other++] = ch;
    }
    return 0;
}

static int charset_has(const charset *set, Py_UCS4 ch) {
    if (ch < 128)
        return set->ascii[ch];
    for (Py_ssize_t i = 0; i < set->n_other; i++)
        if (set->other[i] == ch)
            return 1;
    return 0;
}

/* A glyph: an instance of the tuple subclass `type` holding the eight values (references
 * stolen, also on failure). */
static PyObject *make_glyph(PyTypeObject *type, PyObject *items[8]) {
    PyObject *glyph = type->tp_alloc(type, 8);
    if (glyph == NULL) {
        for (int i = 0; i < 8; i++)
            Py_XDECREF(items[i]);
        return NULL;
    }
    for (int i = 0; i < 8; i++)
        PyTuple_SET_ITEM(glyph, i, items[i]);
    return glyph;
}

/* Append a glyph of the eight values to `piece` (references stolen; a NULL among them is an
 * allocation that failed, and then nothing is appended). */
static int append_glyph(PyObject *piece, PyTypeObject *type, PyObject *items[8]) {
    for (int i = 0; i < 8; i++) {
        if (items[i] == NULL) {
            for (int j = 0; j < 8; j++)
                Py_XDECREF(items[j]);
            return -1;
        }
    }
    PyObject *glyph = make_glyph(type, items);
    if (glyph == NULL)
        return -1;
    int failed = PyList_Append(piece, glyph);
    Py_DECREF(glyph);
    return failed;
}

/* Keep a piece without its trailing space (a space only ever follows a glyph). */
static int close_piece(PyObject *piece, int ends_in_space, PyObject *pieces) {
    Py_ssize_t n = PyList_GET_SIZE(piece);
    if (ends_in_space && n > 0) {
        if (PyList_SetSlice(piece, n - 1, n, NULL) < 0)
            return -1;
        n--;
    }
    if (n > 0)
        return PyList_Append(pieces, piece);
    return 0;
}

static PyObject *page_chars(PyObject *self, PyObject *args) {
    PyObject *text, *on_baseline_chars, *soft_hyphen_chars;
    Py_ssize_t count;
    unsigned long long handle_addr, box_addr, origin_addr, size_addr, matrix_addr, unicode_addr;
    double height;
    PyTypeObject *glyph_type;
    if (!PyArg_ParseTuple(args, "UnKKKKKKdO!UU", &text, &count, &handle_addr, &box_addr,
                          &origin_addr, &size_addr, &matrix_addr, &unicode_addr, &height,
                          &PyType_Type, &glyph_type, &on_baseline_chars, &soft_hyphen_chars))
        return NULL;
    if (!PyType_IsSubtype(glyph_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "the glyph type must be a tuple subclass");
        return NULL;
    }
    void *handle = (void *)(uintptr_t)handle_addr;
    char_box_fn get_box = (char_box_fn)(uintptr_t)box_addr;
    char_origin_fn get_origin = (char_origin_fn)(uintptr_t)origin_addr;
    font_size_fn get_size = (font_size_fn)(uintptr_t)size_addr;
    matrix_fn get_matrix = (matrix_fn)(uintptr_t)matrix_addr;
    unicode_fn get_unicode = (unicode_fn)(uintptr_t)unicode_addr;

    charset on_baseline, soft_hyphens;
    if (charset_init(&on_baseline, on_baseline_chars) < 0)
        return NULL;
    if (charset_init(&soft_hyphens, soft_hyphen_chars) < 0) {
        PyMem_Free(on_baseline.other);
        return NULL;
    }
    PyObject *pieces = PyList_New(0);
    PyObject *piece = PyList_New(0);
    PyObject *space = PyUnicode_FromOrdinal(' ');
    PyObject *empty = PyUnicode_New(0, 0);
    PyObject *zero = PyFloat_FromDouble(0.0);
    PyObject *size_obj = PyFloat_FromDouble(0.0);
    if (pieces == NULL || piece == NULL || space == NULL || empty == NULL || zero == NULL ||
        size_obj == NULL)
        goto fail;

    long run = 0;          /* the run's number: its place among the page's runs */
    int started = 0;       /* whether the run has a glyph yet */
    int ends_in_space = 0; /* whether the piece's last item is a space put after a glyph */
    double prev_x0 = 0.0, prev_base = 0.0, prev_size = 0.0;
    double left = 0.0, right = 0.0, bottom = 0.0, top = 0.0, origin_x = 0.0, origin_y = 0.0;
    double size = 0.0;
    fs_matrix matrix = {0, 0, 0, 0, 0, 0};
    int aligned = PyUnicode_GET_LENGTH(text) == count;
    int ask_size = 1;
    for (Py_ssize_t index = 0; index < count; index++) {
        Py_UCS4 ch;
        int has_char = 1; /* false for a code of 0 read per character: the empty string */
        if (aligned) {
            ch = PyUnicode_READ_CHAR(text, index);
        } else {
            unsigned int code = get_unicode(handle, (int)index);
            if (code > 0x10FFFF) {
                PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
                goto fail;
            }
            ch = code;
            has_char = code != 0;
        }
        if (has_char && (ch == '\r' || ch == '\n')) {
            if (PyList_GET_SIZE(piece) > 0) {
                if (close_piece(piece, ends_in_space, pieces) < 0)
                    goto fail;
                Py_SETREF(piece, PyList_New(0));
                if (piece == NULL)
                    goto fail;
                ends_in_space = 0;
            }
            if (started) {
                run += 1;
                started = 0;
            }
            ask_size = 1;
            continue;
        }
        if (has_char && charset_has(&soft_hyphens, ch))
            ch = '-';
        if (has_char && Py_UNICODE_ISSPACE(ch)) {
            Py_ssize_t n = PyList_GET_SIZE(piece);
            if (n > 0 && !ends_in_space) {
                PyObject *last = PyList_GET_ITEM(piece, n - 1);
                PyObject *items[8] = {
                    space, PyTuple_GET_ITEM(last, 3), PyTuple_GET_ITEM(last, 2),
                    PyTuple_GET_ITEM(last, 3), PyTuple_GET_ITEM(last, 4), zero,
                    PyTuple_GET_ITEM(last, 6), PyLong_FromLong(run)};
                for (int i = 0; i < 7; i++)
                    Py_INCREF(items[i]);
                if (append_glyph(piece, glyph_type, items) < 0)
                    goto fail;
                ends_in_space = 1;
            }
            ask_size = 1;
            continue;
        }
        get_box(handle, (int)index, &left, &right, &bottom, &top);
        double base;
        if (has_char && charset_has(&on_baseline, ch)) {
            base = height - bottom;
        } else {
            get_origin(handle, (int)index, &origin_x, &origin_y);
            base = height - origin_y;
        }
        int digit = has_char && Py_UNICODE_ISDIGIT(ch);
        if (ask_size || digit) {
            size = get_size(handle, (int)index);
            if (get_matrix(handle, (int)index, &matrix)) {
                double a = matrix.a, b = matrix.b, c = matrix.c, d = matrix.d;
                size *= pow(fabs(a * d - b * c), 0.5);
            }
            Py_SETREF(size_obj, PyFloat_FromDouble(size));
            if (size_obj == NULL)
                goto fail;
        }
        ask_size = digit;
        double x0 = left;
        if (started) {
            double em = size > prev_size ? size : prev_size;
            if (em < 1.0)
                em = 1.0;
            if (x0 < prev_x0 - 2 * em || fabs(base - prev_base) > 0.6 * em) {
                if (close_piece(piece, ends_in_space, pieces) < 0)
                    goto fail;
                Py_SETREF(piece, PyList_New(0));
                if (piece == NULL)
                    goto fail;
            }
        }
        started = 1;
        prev_x0 = x0;
        prev_base = base;
        prev_size = size;
        PyObject *ch_obj;
        if (has_char) {
            ch_obj = PyUnicode_FromOrdinal(ch);
        } else {
            ch_obj = empty;
            Py_INCREF(empty);
        }
        Py_INCREF(size_obj);
        PyObject *items[8] = {ch_obj,
                              PyFloat_FromDouble(x0),
                              PyFloat_FromDouble(height - top),
                              PyFloat_FromDouble(right),
                              PyFloat_FromDouble(height - bottom),
                              size_obj,
                              PyFloat_FromDouble(base),
                              PyLong_FromLong(run)};
        if (append_glyph(piece, glyph_type, items) < 0)
            goto fail;
        ends_in_space = 0;
    }
    if (PyList_GET_SIZE(piece) > 0 && close_piece(piece, ends_in_space, pieces) < 0)
        goto fail;
    Py_DECREF(piece);
    Py_DECREF(space);
    Py_DECREF(empty);
    Py_DECREF(zero);
    Py_DECREF(size_obj);
    PyMem_Free(on_baseline.other);
    PyMem_Free(soft_hyphens.other);
    return pieces;

fail:
    Py_XDECREF(pieces);
    Py_XDECREF(piece);
    Py_XDECREF(space);
    Py_XDECREF(empty);
    Py_XDECREF(zero);
    Py_XDECREF(size_obj);
    PyMem_Free(on_baseline.other);
    PyMem_Free(soft_hyphens.other);
    return NULL;
}

/* -- a line's cells ---------------------------------------------------------------------- */

static int is_cjk(Py_UCS4 ch) {
    return (0x2E80 <= ch && ch <= 0x9FFF) || (0xFF00 <= ch && ch <= 0xFFEF) ||
           (0x3000 <= ch && ch <= 0x303F);
}

/* A growing buffer of code points: the cell being read. */
typedef struct {
    Py_UCS4 *data;
    Py_ssize_t size, capacity;
} ucs4_buffer;

static int buffer_push(ucs4_buffer *buf, Py_UCS4 ch) {
    if (buf->size == buf->capacity) {
        Py_ssize_t capacity = buf->capacity ? 2 * buf->capacity : 64;
        Py_UCS4 *data = PyMem_Realloc(buf->data, sizeof(Py_UCS4) * capacity);
        if (data == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        buf->data = data;
        buf->capacity = capacity;
    }
    buf->data[buf->size++] = ch;
    return 0;
}

/* The buffer's text stripped of whitespace (str.strip()), appended to `cells` when not
 * empty (the Python loop drops the empty cells at its end); the buffer is emptied. */
static int buffer_flush(ucs4_buffer *buf, PyObject *cells) {
    Py_ssize_t start = 0, end = buf->size;
    while (start < end && Py_UNICODE_ISSPACE(buf->data[start]))
        start++;
    while (end > start && Py_UNICODE_ISSPACE(buf->data[end - 1]))
        end--;
    buf->size = 0;
    if (start == end)
        return 0;
    PyObject *cell = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf->data + start,
                                               end - start);
    if (cell == NULL)
        return -1;
    int failed = PyList_Append(cells, cell);
    Py_DECREF(cell);
    return failed;
}

/* One glyph's values the loop reads; -1 when a value is not of the type the pages give
 * (then the caller runs the Python loop). */
typedef struct {
    Py_UCS4 ch;
    int has_char; /* false for the empty string */
    double x0, x1, size, base;
    long run;
} glyph_values;

static int read_glyph(PyObject *glyph, glyph_values *out) {
    if (!PyTuple_Check(glyph) || PyTuple_GET_SIZE(glyph) != 8)
        return -1;
    PyObject *ch = PyTuple_GET_ITEM(glyph, 0);
    PyObject *x0 = PyTuple_GET_ITEM(glyph, 1), *x1 = PyTuple_GET_ITEM(glyph, 3);
    PyObject *size = PyTuple_GET_ITEM(glyph, 5), *base = PyTuple_GET_ITEM(glyph, 6);
    PyObject *run = PyTuple_GET_ITEM(glyph, 7);
    if (!PyUnicode_Check(ch) || PyUnicode_GET_LENGTH(ch) > 1 || !PyFloat_CheckExact(x0) ||
        !PyFloat_CheckExact(x1) || !PyFloat_CheckExact(size) || !PyFloat_CheckExact(base) ||
        !PyLong_CheckExact(run))
        return -1;
    out->has_char = PyUnicode_GET_LENGTH(ch) == 1;
    out->ch = out->has_char ? PyUnicode_READ_CHAR(ch, 0) : 0;
    out->x0 = PyFloat_AS_DOUBLE(x0);
    out->x1 = PyFloat_AS_DOUBLE(x1);
    out->size = PyFloat_AS_DOUBLE(size);
    out->base = PyFloat_AS_DOUBLE(base);
    out->run = PyLong_AsLong(run);
    if (out->run == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return -1;
    }
    return 0;
}

static PyObject *line_cells_of(PyObject *chars, const double thresholds[6]);

static PyObject *line_cells(PyObject *self, PyObject *args) {
    PyObject *chars;
    double thresholds[6];
    if (!PyArg_ParseTuple(args, "O!dddddd", &PyList_Type, &chars, &thresholds[0],
                          &thresholds[1], &thresholds[2], &thresholds[3], &thresholds[4],
                          &thresholds[5]))
        return NULL;
    return line_cells_of(chars, thresholds);
}

/* (cells, refs, raised) of a line's glyphs in reading order, or NotImplemented. */
static PyObject *line_cells_of(PyObject *chars, const double thresholds[6]) {
    const double small = thresholds[0], rise = thresholds[1], raised_base = thresholds[2];
    const double cell_gap = thresholds[3], run_gap = thresholds[4], ref_gap = thresholds[5];
    Py_ssize_t n = PyList_GET_SIZE(chars);
    glyph_values *values = PyMem_Malloc(sizeof(glyph_values) * (n ? n : 1));
    if (values == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        if (read_glyph(PyList_GET_ITEM(chars, i), &values[i]) < 0) {
            PyMem_Free(values);
            Py_RETURN_NOTIMPLEMENTED;
        }
    }
    PyObject *cells = PyList_New(0), *refs = PyList_New(0);
    ucs4_buffer cell = {NULL, 0, 0};
    if (cells == NULL || refs == NULL)
        goto fail;
    glyph_values *prev = NULL, *last_ref = NULL;
    int space_seen = 0, raised = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        glyph_values *c = &values[i];
        if (c->has_char && c->ch == ' ') {
            space_seen = 1;
            continue;
        }
        int digit = c->has_char && Py_UNICODE_ISDIGIT(c->ch);
        if (digit && prev != NULL && 0 < c->size && c->size < small &&
            c->base < prev->base - rise) {
            PyObject *ch = PyUnicode_FromOrdinal(c->ch);
            if (ch == NULL)
                goto fail;
            Py_ssize_t n_refs = PyList_GET_SIZE(refs);
            int failed;
            if (last_ref != NULL && c->x0 - last_ref->x1 < ref_gap) {
                PyObject *joined = PyUnicode_Concat(PyList_GET_ITEM(refs, n_refs - 1), ch);
                failed = joined == NULL ? -1 : PyList_SetItem(refs, n_refs - 1, joined);
            } else {
                failed = PyList_Append(refs, ch);
            }
            Py_DECREF(ch);
            if (failed < 0)
                goto fail;
            last_ref = c;
            continue;
        }
        if (prev == NULL) {
            if (digit && cell.size == 0)
                raised = 0 < c->size && c->size < small && c->base < raised_base;
        } else {
            double gap = c->x0 - (last_ref != NULL ? last_ref->x1 : prev->x1);
            if (last_ref != NULL && !(c->has_char && Py_UNICODE_ISALNUM(c->ch)))
                gap = 0.0; /* "Agency2," -> "Agency," */
            if (c->has_char && c->ch >= 0x2E80 && is_cjk(c->ch) && prev->has_char &&
                is_cjk(prev->ch))
                gap = 0.0;
            if (gap > cell_gap) {
                if (buffer_flush(&cell, cells) < 0)
                    goto fail;
            } else if ((space_seen && gap > 0) || (c->run != prev->run && gap > run_gap)) {
                if (buffer_push(&cell, ' ') < 0)
                    goto fail;
            }
        }
        if (c->has_char && buffer_push(&cell, c->ch) < 0)
            goto fail;
        prev = c;
        last_ref = NULL;
        space_seen = 0;
    }
    if (buffer_flush(&cell, cells) < 0)
        goto fail;
    PyMem_Free(cell.data);
    PyMem_Free(values);
    return Py_BuildValue("(NNO)", cells, refs, raised ? Py_True : Py_False);

fail:
    Py_XDECREF(cells);
    Py_XDECREF(refs);
    PyMem_Free(cell.data);
    PyMem_Free(values);
    return NULL;
}

/* -- medians and a line's summary ---------------------------------------------------------- */

/* Sort `values` ascending, stably (a merge sort: what Python's sort gives for values with no
 * NaN, -0.0 and 0.0 kept in their order), using `tmp` of the same size. */
static void stable_sort(double *values, double *tmp, Py_ssize_t n) {
    for (Py_ssize_t width = 1; width < n; width *= 2) {
        for (Py_ssize_t lo = 0; lo < n; lo += 2 * width) {
            Py_ssize_t mid = lo + width < n ? lo + width : n;
            Py_ssize_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            Py_ssize_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = values[j] < values[i] ? values[j++] : values[i++];
            while (i < mid)
                tmp[k++] = values[i++];
            while (j < hi)
                tmp[k++] = values[j++];
        }
        memcpy(values, tmp, sizeof(double) * n);
    }
}

/* `_median` of n > 0 values without NaN (sorted in place). */
static double median(double *values, double *tmp, Py_ssize_t n) {
    stable_sort(values, tmp, n);
    Py_ssize_t mid = n / 2;
    return n % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/* A glyph's float field, or -1 (with no exception set) when it is not a float. */
static int float_field(PyObject *glyph, int index, double *out) {
    PyObject *value = PyTuple_GET_ITEM(glyph, index);
    if (!PyFloat_CheckExact(value))
        return -1;
    *out = PyFloat_AS_DOUBLE(value);
    return 0;
}

/* Whether a glyph is the space `page_chars` puts between two: its text is " ". */
static int is_space_glyph(PyObject *glyph) {
    PyObject *ch = PyTuple_GET_ITEM(glyph, 0);
    return PyUnicode_GET_LENGTH(ch) == 1 && PyUnicode_READ_CHAR(ch, 0) == ' ';
}

/* Check that `chars` is a list of 8-tuples with a str first: the glyphs pages give. */
static int glyph_list(PyObject *chars) {
    if (!PyList_Check(chars))
        return -1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(chars); i++) {
        PyObject *glyph = PyList_GET_ITEM(chars, i);
        if (!PyTuple_Check(glyph) || PyTuple_GET_SIZE(glyph) != 8 ||
            !PyUnicode_Check(PyTuple_GET_ITEM(glyph, 0)))
            return -1;
    }
    return 0;
}

/* Three arrays of n doubles in one allocation (values, more values, sorting room), or NULL
 * with MemoryError set. */
static double *three_arrays(Py_ssize_t n) {
    double *buffer = PyMem_Malloc(sizeof(double) * 3 * (n ? n : 1));
    if (buffer == NULL)
        PyErr_NoMemory();
    return buffer;
}

static PyObject *run_metrics(PyObject *self, PyObject *chars) {
    if (glyph_list(chars) < 0)
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t n = PyList_GET_SIZE(chars);
    double *buffer = three_arrays(n);
    if (buffer == NULL)
        return NULL;
    double *bases = buffer, *sizes = buffer + n, *tmp = buffer + 2 * n;
    Py_ssize_t glyphs = 0;
    double top = 0.0, bottom = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *glyph = PyList_GET_ITEM(chars, i);
        double glyph_top, glyph_bottom;
        if (float_field(glyph, 2, &glyph_top) < 0 || float_field(glyph, 4, &glyph_bottom) < 0)
            goto not_as_pages;
        if (i == 0 || glyph_top < top)
            top = glyph_top;
        if (i == 0 || glyph_bottom > bottom)
            bottom = glyph_bottom;
        if (is_space_glyph(glyph))
            continue;
        if (float_field(glyph, 6, &bases[glyphs]) < 0 || float_field(glyph, 5, &sizes[glyphs]) < 0)
            goto not_as_pages;
        if (isnan(bases[glyphs]) || isnan(sizes[glyphs]))
            goto not_as_pages;
        glyphs++;
    }
    if (glyphs == 0)
        goto not_as_pages; /* the Python loop's median of nothing raises */
    double baseline = median(bases, tmp, glyphs);
    double size = median(sizes, tmp, glyphs);
    if (size == 0.0)
        size = bottom - top;
    PyMem_Free(buffer);
    return Py_BuildValue("(dd)", baseline, size);

not_as_pages:
    PyMem_Free(buffer);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *line_summary(PyObject *self, PyObject *args) {
    PyObject *chars;
    double superscript_ratio, cell_gap_em;
    if (!PyArg_ParseTuple(args, "Odd", &chars, &superscript_ratio, &cell_gap_em))
        return NULL;
    if (glyph_list(chars) < 0)
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t n = PyList_GET_SIZE(chars);
    double *buffer = three_arrays(n);
    if (buffer == NULL)
        return NULL;
    double *bases = buffer, *sizes = buffer + n, *tmp = buffer + 2 * n;
    Py_ssize_t glyphs = 0, sized = 0;
    double x0 = 0.0, top = 0.0, x1 = 0.0, bottom = 0.0, first_height = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *glyph = PyList_GET_ITEM(chars, i);
        if (is_space_glyph(glyph))
            continue;
        double g_x0, g_top, g_x1, g_bottom, g_size, g_base;
        if (float_field(glyph, 1, &g_x0) < 0 || float_field(glyph, 2, &g_top) < 0 ||
            float_field(glyph, 3, &g_x1) < 0 || float_field(glyph, 4, &g_bottom) < 0 ||
            float_field(glyph, 5, &g_size) < 0 || float_field(glyph, 6, &g_base) < 0)
            goto not_as_pages;
        if (isnan(g_size) || isnan(g_base))
            goto not_as_pages;
        if (glyphs == 0) {
            x0 = g_x0, top = g_top, x1 = g_x1, bottom = g_bottom;
            first_height = g_bottom - g_top;
        } else { /* min() and max() keep the first of equal values, as here */
            if (g_x0 < x0)
                x0 = g_x0;
            if (g_top < top)
                top = g_top;
            if (g_x1 > x1)
                x1 = g_x1;
            if (g_bottom > bottom)
                bottom = g_bottom;
        }
        bases[glyphs++] = g_base;
        if (g_size > 0)
            sizes[sized++] = g_size;
    }
    if (glyphs == 0) {
        PyMem_Free(buffer);
        Py_RETURN_NONE;
    }
    double size = sized ? median(sizes, tmp, sized) : first_height;
    double base = median(bases, tmp, glyphs);
    PyMem_Free(buffer);
    double small = superscript_ratio * size, rise = 0.2 * size;
    const double thresholds[6] = {small,           rise,       base - rise,
                                  cell_gap_em * size, 0.1 * size, 0.3 * size};
    PyObject *parts = line_cells_of(chars, thresholds);
    if (parts == NULL || parts == Py_NotImplemented)
        return parts;
    PyObject *cells = PyTuple_GET_ITEM(parts, 0);
    PyObject *separator = PyUnicode_FromOrdinal(' ');
    PyObject *text = separator ? PyUnicode_Join(separator, cells) : NULL;
    Py_XDECREF(separator);
    if (text == NULL) {
        Py_DECREF(parts);
        return NULL;
    }
    PyObject *out = Py_BuildValue("(NddddddOOO)", text, x0, top, x1, bottom, size, base, cells,
                                  PyTuple_GET_ITEM(parts, 1), PyTuple_GET_ITEM(parts, 2));
    Py_DECREF(parts);
    return out;

not_as_pages:
    PyMem_Free(buffer);
    Py_RETURN_NOTIMPLEMENTED;
}

/* `words.table_chars_python`: a page's characters as the table finder's cells take them,
 * dicts (text, x0, x1, top, bottom) with PDFium's loose box, generated spaces after the glyph
 * before them, line breaks left out. The box is read into one FS_RECTF kept across the loop,
 * as the Python loop keeps its one ctypes structure (a failed call leaves the last box). */
typedef struct {
    float left, top, right, bottom;
} fs_rectf;
typedef int (*loose_box_fn)(void *, int, fs_rectf *);
typedef int (*generated_fn)(void *, int);

static int put_char(PyObject *out, PyObject *keys[5], PyObject *text, PyObject *x0,
                    PyObject *x1, PyObject *top, PyObject *bottom) {
    PyObject *item = PyDict_New();
    int failed = item == NULL || text == NULL || x0 == NULL || x1 == NULL || top == NULL ||
                 bottom == NULL;
    if (!failed)
        failed = PyDict_SetItem(item, keys[0], text) < 0 || PyDict_SetItem(item, keys[1], x0) < 0 ||
                 PyDict_SetItem(item, keys[2], x1) < 0 || PyDict_SetItem(item, keys[3], top) < 0 ||
                 PyDict_SetItem(item, keys[4], bottom) < 0 || PyList_Append(out, item) < 0;
    Py_XDECREF(item);
    return failed ? -1 : 0;
}

static PyObject *table_chars(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t count;
    unsigned long long handle_addr, unicode_addr, generated_addr, box_addr;
    double height;
    if (!PyArg_ParseTuple(args, "UnKKKKd", &text, &count, &handle_addr, &unicode_addr,
                          &generated_addr, &box_addr, &height))
        return NULL;
    void *handle = (void *)(uintptr_t)handle_addr;
    unicode_fn get_unicode = (unicode_fn)(uintptr_t)unicode_addr;
    generated_fn generated = (generated_fn)(uintptr_t)generated_addr;
    loose_box_fn get_box = (loose_box_fn)(uintptr_t)box_addr;
    int aligned = PyUnicode_GET_LENGTH(text) == count;
    fs_rectf loose = {0.0f, 0.0f, 0.0f, 0.0f};
    PyObject *keys[5] = {PyUnicode_InternFromString("text"), PyUnicode_InternFromString("x0"),
                         PyUnicode_InternFromString("x1"), PyUnicode_InternFromString("top"),
                         PyUnicode_InternFromString("bottom")};
    PyObject *out = PyList_New(0);
    PyObject *space = PyUnicode_FromOrdinal(' ');
    PyObject *hyphen = PyUnicode_FromOrdinal('-');
    int failed = out == NULL || space == NULL || hyphen == NULL;
    for (int i = 0; i < 5; i++)
        failed = failed || keys[i] == NULL;
    for (Py_ssize_t index = 0; index < count && !failed; index++) {
        Py_UCS4 ch;
        if (aligned) {
            ch = PyUnicode_READ_CHAR(text, index);
        } else {
            unsigned int code = get_unicode(handle, (int)index);
            if (code > 0x10FFFF) {  /* chr() refuses it: the Python loop raises ValueError */
                PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
                failed = 1;
                break;
            }
            ch = (Py_UCS4)code;
        }
        if (ch == '\r' || ch == '\n' || ch == 0)
            continue;
        if (ch == 0x02 || ch == 0xFFFE)
            ch = '-';
        if (ch == ' ' && generated(handle, (int)index) == 1) {
            Py_ssize_t n = PyList_GET_SIZE(out);
            if (n > 0) {
                PyObject *last = PyList_GET_ITEM(out, n - 1);
                PyObject *x1 = PyDict_GetItem(last, keys[2]);
                failed = put_char(out, keys, space, x1, x1, PyDict_GetItem(last, keys[3]),
                                  PyDict_GetItem(last, keys[4])) < 0;
            }
            continue;
        }
        get_box(handle, (int)index, &loose);
        PyObject *glyph = ch == ' ' ? (Py_INCREF(space), space)
                          : ch == '-' ? (Py_INCREF(hyphen), hyphen)
                                      : PyUnicode_FromOrdinal((int)ch);
        PyObject *x0 = PyFloat_FromDouble((double)loose.left);
        PyObject *x1 = PyFloat_FromDouble((double)loose.right);
        PyObject *top = PyFloat_FromDouble(height - (double)loose.top);
        PyObject *bottom = PyFloat_FromDouble(height - (double)loose.bottom);
        failed = put_char(out, keys, glyph, x0, x1, top, bottom) < 0;
        Py_XDECREF(glyph);
        Py_XDECREF(x0);
        Py_XDECREF(x1);
        Py_XDECREF(top);
        Py_XDECREF(bottom);
    }
    for (int i = 0; i < 5; i++)
        Py_XDECREF(keys[i]);
    Py_XDECREF(space);
    Py_XDECREF(hyphen);
    if (failed) {
        Py_XDECREF(out);
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        return NULL;
    }
    return out;
}

/* `words.word_glyphs_python`: a page's characters as its words are cut from them, a tuple
 * (text, left, right, top, bottom) for each glyph (PDFium's tight box across, its loose box
 * down) and None where a word must end (no code, a space of any kind, a break hyphen). The
 * boxes are read into one set of doubles and one FS_RECTF kept across the loop, as the Python
 * loop keeps its ctypes values (a failed call leaves the last box). A code past Unicode raises
 * ValueError, as chr() does there. */
static PyObject *word_glyphs(PyObject *self, PyObject *args) {
    Py_ssize_t count;
    unsigned long long handle_addr, unicode_addr, box_addr, loose_addr;
    double height;
    if (!PyArg_ParseTuple(args, "nKKKKd", &count, &handle_addr, &unicode_addr, &box_addr,
                          &loose_addr, &height))
        return NULL;
    void *handle = (void *)(uintptr_t)handle_addr;
    unicode_fn get_unicode = (unicode_fn)(uintptr_t)unicode_addr;
    char_box_fn get_box = (char_box_fn)(uintptr_t)box_addr;
    loose_box_fn get_loose = (loose_box_fn)(uintptr_t)loose_addr;
    double left = 0.0, right = 0.0, bottom = 0.0, top = 0.0;
    fs_rectf loose = {0.0f, 0.0f, 0.0f, 0.0f};
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t index = 0; index < count; index++) {
        unsigned int code = get_unicode(handle, (int)index);
        if (code > 0x10FFFF) {
            Py_DECREF(out);
            PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
            return NULL;
        }
        if (code == 0 || Py_UNICODE_ISSPACE((Py_UCS4)code) || code == 0x02 || code == 0xFFFE) {
            if (PyList_Append(out, Py_None) < 0)
                goto failed;
            continue;
        }
        get_box(handle, (int)index, &left, &right, &bottom, &top);
        get_loose(handle, (int)index, &loose);
        PyObject *glyph = Py_BuildValue("(Ndddd)", PyUnicode_FromOrdinal((int)code), left, right,
                                        height - (double)loose.top, height - (double)loose.bottom);
        if (glyph == NULL)
            goto failed;
        int appended = PyList_Append(out, glyph);
        Py_DECREF(glyph);
        if (appended < 0)
            goto failed;
    }
    return out;
failed:
    Py_DECREF(out);
    return NULL;
}

/* The glyphs of a line's runs (objects with a `chars` list each) in one list, when their
 * left edges already come in order, as a stable sort by left edge would give them (almost
 * every line: PDFium gives a line's glyphs left to right); NotImplemented otherwise (a glyph
 * out of order, a NaN edge, shapes other than the pages' glyphs), for sorted() to order. One
 * pass: linear in the line's glyphs, never the sort's key list and comparisons. */
static PyObject *glyphs_in_order(PyObject *self, PyObject *runs) {
    if (!PyList_Check(runs))
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t n_runs = PyList_GET_SIZE(runs), total = 0;
    PyObject **lists = PyMem_Malloc(sizeof(PyObject *) * (n_runs ? n_runs : 1));
    if (lists == NULL)
        return PyErr_NoMemory();
    Py_ssize_t got = 0;
    PyObject *out = NULL;
    for (; got < n_runs; got++) {
        lists[got] = PyObject_GetAttrString(PyList_GET_ITEM(runs, got), "chars");
        if (lists[got] == NULL) {
            PyErr_Clear();
            goto not_in_order;
        }
        if (glyph_list(lists[got]) < 0) {
            got++;
            goto not_in_order;
        }
        total += PyList_GET_SIZE(lists[got]);
    }
    double last = -INFINITY;
    for (Py_ssize_t r = 0; r < n_runs; r++) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lists[r]); i++) {
            double x0;
            if (float_field(PyList_GET_ITEM(lists[r], i), 1, &x0) < 0 || isnan(x0) || x0 < last)
                goto not_in_order;
            last = x0;
        }
    }
    out = PyList_New(total);
    if (out == NULL)
        goto done;
    for (Py_ssize_t r = 0, k = 0; r < n_runs; r++) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lists[r]); i++, k++) {
            PyObject *glyph = PyList_GET_ITEM(lists[r], i);
            Py_INCREF(glyph);
            PyList_SET_ITEM(out, k, glyph);
        }
    }
    goto done;
not_in_order:
    out = Py_NotImplemented;
    Py_INCREF(out);
done:
    for (Py_ssize_t r = 0; r < got; r++)
        Py_XDECREF(lists[r]);
    PyMem_Free(lists);
    return out;
}

static PyMethodDef methods[] = {
    {"table_chars", table_chars, METH_VARARGS,
     "table_chars(text, count, handle, unicode, generated, loose_box, height) -> a page's"
     " characters for a table's cells (pdf/words.py)"},
    {"page_chars", page_chars, METH_VARARGS,
     "page_chars(text, count, handle, box, origin, size, matrix, unicode, height, glyph_type,"
     " on_baseline, soft_hyphens) -> the pieces of a page's glyphs (pdf/document.py)"},
    {"line_cells", line_cells, METH_VARARGS,
     "line_cells(chars, small, rise, raised_base, cell_gap, run_gap, ref_gap) -> (cells, refs,"
     " raised), or NotImplemented for glyphs not as pages give them (pdf/document.py)"},
    {"run_metrics", run_metrics, METH_O,
     "run_metrics(chars) -> (baseline, size) of a run, or NotImplemented (pdf/document.py)"},
    {"word_glyphs", word_glyphs, METH_VARARGS,
     "word_glyphs(count, handle, unicode, char_box, loose_box, height) -> a page's glyphs as"
     " its words are cut from them, None at a word's end (pdf/words.py)"},
    {"glyphs_in_order", glyphs_in_order, METH_O,
     "glyphs_in_order(runs) -> the runs' glyphs in one list when already in order of their"
     " left edges, else NotImplemented (pdf/document.py)"},
    {"line_summary", line_summary, METH_VARARGS,
     "line_summary(chars, superscript_ratio, cell_gap_em) -> (text, x0, top, x1, bottom, size,"
     " baseline, cells, refs, raised), None, or NotImplemented (pdf/document.py)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_chars",
                                    "The character loop of pdf/document.py, compiled.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__chars(void) { return PyModule_Create(&module); }
