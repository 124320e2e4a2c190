"""scikit-learn transformers: the estimator checks that apply to text input, pandas output,
and use inside a pipeline."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.compose import make_column_transformer
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.utils import estimator_checks as checks

from framing import FramingError, score
from framing.transformers import CueTransformer, NewsSentimentTransformer, SentimentTransformer

ESTIMATORS = [SentimentTransformer(), SentimentTransformer(measures=("vader",)), CueTransformer(families=["threat"]),
              NewsSentimentTransformer()]
# scikit-learn's generic checks feed numeric 2-D arrays, which text transformers (like its own
# TfidfVectorizer) do not take; these are the API checks that apply to any estimator.
API_CHECKS = [
    checks.check_estimator_cloneable,
    checks.check_estimator_repr,
    checks.check_no_attributes_set_in_init,
    checks.check_get_params_invariance,
    checks.check_set_params,
    checks.check_do_not_raise_errors_in_init_or_set_params,
    checks.check_mixin_order,
    checks.check_valid_tag_types,
    checks.check_estimator_tags_renamed,
    checks.check_parameters_default_constructible,
]
TEXTS = ["The summit was a great success!", "Sanctions and threats again.", "", None]


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=lambda e: repr(e))
@pytest.mark.parametrize("check", API_CHECKS, ids=lambda c: c.__name__)
def test_sklearn_api_checks(estimator, check):
    check(type(estimator).__name__, clone(estimator))


def test_generic_checks_are_skipped_for_text_input():
    # check_estimator knows these take strings, not numeric arrays, and says so
    with pytest.warns(checks.SkipTestWarning, match="requires input"):
        list(checks._yield_all_checks(SentimentTransformer(), legacy=True))


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=lambda e: repr(e))
def test_fit_transform_matches_score(estimator):
    est = clone(estimator)
    assert est.fit(TEXTS) is est
    out = est.transform(TEXTS)
    names = list(est.get_feature_names_out())
    assert out.shape == (len(TEXTS), len(names))
    expected = score(pd.DataFrame({"text": TEXTS}), measures=est._measures(), families=est._families(), cue=False)
    np.testing.assert_array_equal(out, expected[names].to_numpy(dtype=float))
    scores = [k for k, name in enumerate(names) if name != "cue_n_words"]
    assert np.isnan(out[2:, scores]).all()  # empty and missing text


def test_unfitted_and_bad_input():
    with pytest.raises(Exception, match="not fitted"):
        SentimentTransformer().transform(["x"])
    with pytest.raises(FramingError, match="one string"):
        SentimentTransformer().fit("just one text")
    with pytest.raises(FramingError, match="one text column"):
        SentimentTransformer().fit(pd.DataFrame({"a": ["x"], "b": ["y"]}))
    with pytest.raises(FramingError, match="'textblob' and/or 'vader'"):
        SentimentTransformer(measures=("news",)).fit(["x"])


def test_set_output_pandas_and_2d_input():
    est = SentimentTransformer(measures=("vader",)).set_output(transform="pandas")
    out = est.fit_transform(pd.Series(TEXTS, index=[5, 6, 7, 8]))
    assert list(out.columns) == ["vader_compound", "vader_pos", "vader_neg", "vader_neu"]
    two_d = SentimentTransformer(measures=("vader",)).fit_transform(np.array(TEXTS, dtype=object).reshape(-1, 1))
    np.testing.assert_array_equal(two_d, out.to_numpy())


def test_inside_a_pipeline():
    data = pd.DataFrame({"text": ["Great progress!", "Terrible threats.", "A fine deal.", "An awful war."] * 3,
                         "y": [2.0, -2.0, 1.0, -2.5] * 3})
    features = make_column_transformer(
        (SentimentTransformer(), "text"), (CueTransformer(families=["threat", "progress"]), "text"),
    )
    model = make_pipeline(features, Ridge(alpha=1.0)).fit(data[["text"]], data["y"])
    prediction = model.predict(pd.DataFrame({"text": ["Great deal!", "Awful threats."]}))
    assert prediction[0] > prediction[1]
    names = model[:-1].get_feature_names_out()
    assert "sentimenttransformer__vader_compound" in names and "cuetransformer__cue_threat" in names
