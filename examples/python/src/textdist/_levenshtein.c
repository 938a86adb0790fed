/*
 * Levenshtein edit distance between two Unicode strings, as a CPython extension.
 * The native build step of this example: it needs a C compiler and the Python headers
 * at build time, and nothing but the compiled .so at run time.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
levenshtein_distance(PyObject *self, PyObject *args)
{
    PyObject *a_obj, *b_obj;
    if (!PyArg_ParseTuple(args, "UU:distance", &a_obj, &b_obj))
        return NULL;

    Py_UCS4 *a = PyUnicode_AsUCS4Copy(a_obj);
    if (a == NULL)
        return NULL;
    Py_UCS4 *b = PyUnicode_AsUCS4Copy(b_obj);
    if (b == NULL) {
        PyMem_Free(a);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(a_obj);
    Py_ssize_t m = PyUnicode_GET_LENGTH(b_obj);

    /* One row of the dynamic-programming table is enough. */
    Py_ssize_t *row = PyMem_New(Py_ssize_t, m + 1);
    if (row == NULL) {
        PyMem_Free(a);
        PyMem_Free(b);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t j = 0; j <= m; j++)
        row[j] = j;

    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 1; i <= n; i++) {
        Py_ssize_t diagonal = row[0];
        row[0] = i;
        for (Py_ssize_t j = 1; j <= m; j++) {
            Py_ssize_t above = row[j];
            Py_ssize_t cost = (a[i - 1] == b[j - 1]) ? 0 : 1;
            Py_ssize_t best = diagonal + cost;
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    Py_END_ALLOW_THREADS

    Py_ssize_t result = row[m];
    PyMem_Free(row);
    PyMem_Free(a);
    PyMem_Free(b);
    return PyLong_FromSsize_t(result);
}

static PyMethodDef methods[] = {
    {"distance", levenshtein_distance, METH_VARARGS,
     "distance(a, b) -> int\n\nLevenshtein edit distance between two strings."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_levenshtein", "Native Levenshtein distance.", -1, methods,
};

PyMODINIT_FUNC
PyInit__levenshtein(void)
{
    return PyModule_Create(&module);
}
